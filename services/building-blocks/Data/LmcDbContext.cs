using System.Diagnostics;
using System.Text.Json;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.BuildingBlocks.Inbox;
using Lmc.BuildingBlocks.Outbox;
using Lmc.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Lmc.BuildingBlocks.Data;

/// <summary>
/// Base of every service's DbContext: adds the outbox, the inbox and the idempotency records to
/// the service's own model, so that an event, a consumed message id or a command's key is saved
/// in the same transaction as the change it belongs to.
/// </summary>
public abstract class LmcDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>
    /// Outbox rows were saved and their transaction has not ended yet (set and cleared by the
    /// outbox interceptors). A field, not a shared table of contexts: that table's lock was the
    /// most contended one in the events bench. A pooled context returned with it still set (a
    /// transaction disposed without commit) costs one needless wake-up of the dispatcher at most.
    /// </summary>
    internal bool OutboxPending { get; set; }

    /// <summary>
    /// Queues an integration event: it is written with the next SaveChanges and published by the
    /// outbox dispatcher only once that transaction has committed.
    /// </summary>
    public void Publish<TEvent>(TEvent @event, Guid aggregateId) where TEvent : class, IIntegrationEvent
    {
        OutboxMessages.Add(new OutboxMessage
        {
            // Strictly increasing, so the transaction's inserts (ordered by key) keep the order of Publish.
            Id = MonotonicGuid.NextV7(),
            AggregateId = aggregateId,
            EventName = EventNames.Of<TEvent>(),
            Payload = JsonSerializer.Serialize(@event, OutboxJson.Options),
            OccurredAt = @event.OccurredAt,
            TraceParent = Activity.Current?.Id,
        });
    }

    /// <summary>Queues an event of an aggregate known by a string key (a client id, a code).</summary>
    public void Publish<TEvent>(TEvent @event, string aggregateKey) where TEvent : class, IIntegrationEvent =>
        Publish(@event, AggregateIdOf(aggregateKey));

    /// <summary>A stable id for a string key, so that one aggregate's events keep their order.</summary>
    public static Guid AggregateIdOf(string key) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
