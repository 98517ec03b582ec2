using Lmc.BuildingBlocks.Data;
using Lmc.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Subscriptions.Data;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Description).HasMaxLength(Subscription.DescriptionMaxLength);
        builder.Property(s => s.EventPatterns);
        builder.Property(s => s.CallbackUrl).HasMaxLength(CallbackUrl.MaxLength);
        builder.Property(s => s.Filters).HasJsonConversion();
        builder.Property(s => s.Subscriber).HasJsonConversion();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DisabledReason).HasMaxLength(Subscription.ReasonMaxLength);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.PreviousSecret).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.OwnerSubject).HasMaxLength(200);
        builder.HasIndex(s => s.OwnerSubject);
        builder.HasIndex(s => s.Status);
    }
}

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("stored_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.ReceivedAt);
        builder.Property(e => e.Name).HasMaxLength(120);
        builder.Property(e => e.Service).HasMaxLength(64);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventName).HasMaxLength(120);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(Delivery.ErrorMaxLength);
        builder.Property(d => d.Reason).HasMaxLength(16);
        builder.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // The event log's retention takes its deliveries and their attempts with it.
        builder.HasOne<StoredEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        // Set by a trigger from its event (migration DeliveryOrder); read back after the insert.
        builder.Property(d => d.EventSequence).HasDefaultValue(0L);
        // What the sender looks for: a subscription's pending deliveries in order, walked from the first; whether an
        // earlier event of the same aggregate is pending; and the due retries.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventSequence }).HasFilter("status = 'Pending'");
        builder.HasIndex(d => new { d.SubscriptionId, d.AggregateId, d.EventSequence }).HasFilter("status = 'Pending'");
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'");
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Error).HasMaxLength(Delivery.ErrorMaxLength);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
    }
}
