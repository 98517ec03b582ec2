using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Subscriptions.Data;
using Lmc.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Subscriptions.Application;

public sealed record DeliveryLogEntry(Delivery Delivery, IReadOnlyList<DeliveryAttempt> Attempts);

/// <summary>A subscriber's subscriptions and their delivery log; an admin sees every subscription.</summary>
public sealed class SubscriptionQueries(SubscriptionsDbContext db)
{
    public const int MaxPageSize = 200;

    public Task<Subscription> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        VisibleAsync(db.Subscriptions.AsNoTracking(), caller, id, cancellationToken);

    public async Task<IReadOnlyList<Subscription>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var query = db.Subscriptions.AsNoTracking();
        if (!caller.HasRole(LmcRoles.Admin))
        {
            query = query.Where(s => s.OwnerSubject == caller.Subject);
        }

        return await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(MaxPageSize).ToListAsync(cancellationToken);
    }

    /// <summary>Newest first, each with its attempts; <paramref name="status"/> narrows it.</summary>
    public async Task<IReadOnlyList<DeliveryLogEntry>> DeliveriesAsync(
        Caller caller, Guid subscriptionId, DeliveryStatus? status, int pageSize, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(caller, subscriptionId, cancellationToken);
        var query = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription.Id);
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        var size = pageSize <= 0 ? 50 : Math.Min(pageSize, MaxPageSize);
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(size).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.DeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Number)
            .ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        return [.. deliveries.Select(d => new DeliveryLogEntry(d, [.. attempts[d.Id]]))];
    }

    /// <summary>The subscription if the caller may see it: its own, or any to an admin. Another's is not found, not forbidden.</summary>
    internal static async Task<Subscription> VisibleAsync(IQueryable<Subscription> subscriptions, Caller caller, Guid id,
        CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is not null && Sees(caller, subscription) ? subscription : throw new NotFoundException("subscription", id.ToString());
    }

    private static bool Sees(Caller caller, Subscription subscription) =>
        caller.HasRole(LmcRoles.Admin) || string.Equals(subscription.OwnerSubject, caller.Subject, StringComparison.Ordinal);
}
