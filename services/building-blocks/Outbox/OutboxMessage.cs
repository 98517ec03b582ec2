using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.BuildingBlocks.Outbox;

/// <summary>An integration event waiting to be (or already) published.</summary>
public sealed class OutboxMessage
{
    /// <summary>Also the MassTransit MessageId, so consumers' inboxes recognise a re-publication.</summary>
    public Guid Id { get; init; }

    /// <summary>Assigned by the database on insert; the dispatcher publishes in this order.</summary>
    public long Sequence { get; init; }

    public Guid AggregateId { get; init; }

    public required string EventName { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>W3C traceparent of the request that caused the event, to continue its trace.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(OutboxSql.Table);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Sequence).UseIdentityAlwaysColumn();
        builder.Property(m => m.EventName).HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => m.Sequence).HasFilter("published_at IS NULL").HasDatabaseName("ix_outbox_messages_unpublished");
        builder.HasIndex(m => m.PublishedAt).HasDatabaseName("ix_outbox_messages_published_at");
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
