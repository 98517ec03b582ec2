using Lmc.BuildingBlocks.Data;
using Lmc.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Subscriptions.Data;

/// <summary>Subscriptions, the event log they are served from, deliveries and their attempts; with the building blocks' tables.</summary>
public sealed class SubscriptionsDbContext(DbContextOptions<SubscriptionsDbContext> options) : LmcDbContext(options)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<StoredEvent> StoredEvents => Set<StoredEvent>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SubscriptionsDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
