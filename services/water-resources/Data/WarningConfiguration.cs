using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.WaterResources.Data;

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> builder)
    {
        builder.ToTable("warnings");
        builder.HasKey(w => w.Id);
        // At most one active warning of a kind at a station, whatever two ingests racing each other decide.
        builder.HasIndex(w => new { w.StationCode, w.Kind }).IsUnique().HasFilter("lifted_at IS NULL");
        builder.HasIndex(w => w.IssuedAt);
        builder.Property(w => w.StationCode).HasMaxLength(20);
        builder.Property(w => w.StationName).HasMaxLength(100);
        builder.Property(w => w.Country).HasMaxLength(2);
        builder.Property(w => w.Headline).HasMaxLength(300);
        builder.Property(w => w.Description).HasMaxLength(2000);
        builder.Property(w => w.LiftReason).HasMaxLength(300);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Ignore(w => w.Active);
        builder.HasMany(w => w.Deliveries).WithOne().HasForeignKey(d => d.WarningId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Deliveries).HasField("_deliveries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("warning_deliveries");
        builder.HasKey(d => new { d.WarningId, d.Country });
        // The inbox of a country, and the escalation sweep's unacknowledged copies.
        builder.HasIndex(d => new { d.Country, d.DeliveredAt });
        builder.HasIndex(d => d.DeliveredAt).HasFilter("acknowledged_at IS NULL AND escalated_at IS NULL");
        builder.Property(d => d.Country).HasMaxLength(2);
        builder.Property(d => d.AcknowledgedBy).HasMaxLength(200);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.Ignore(d => d.Acknowledged);
    }
}
