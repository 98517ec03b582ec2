using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Subscriptions.Catalogue;
using Lmc.Subscriptions.Data;
using Lmc.Subscriptions.Domain;
using Lmc.Subscriptions.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lmc.Subscriptions.Application;

public sealed record NewSubscription(string Description, IReadOnlyList<string> EventTypes, string CallbackUrl, IReadOnlyList<FieldFilter> Filters);

/// <summary>A subscription with its secret: the one answer that shows it (on creation and rotation).</summary>
public sealed record SubscriptionWithSecret(Subscription Subscription, string Secret);

/// <summary>
/// Registering, rotating, disabling, enabling and deleting subscriptions; redelivering one delivery and replaying the
/// log from a point in time. A subscriber manages only its own subscriptions (an admin any); what it may receive is
/// its own claims' business (<see cref="Audience"/>), checked again on every event.
/// </summary>
public sealed class SubscriptionCommands(
    SubscriptionsDbContext db, EventDirectory directory, Audience audience, DeliveryWakeUp wakeUp, IOptions<WebhookOptions> options,
    TimeProvider time)
{
    public const int MaxPatterns = 50;
    public const int MaxFilters = 10;

    public async Task<SubscriptionWithSecret> CreateAsync(Caller caller, NewSubscription request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (callback, problem) = CallbackUrl.Parse(request.CallbackUrl, options.Value.AllowPrivateCallbacks, options.Value.AllowHttpCallbacks);
        if (problem is not null)
        {
            errors.Add("callback_url", problem);
        }

        var matched = CheckPatterns(request.EventTypes, errors);
        CheckFilters(request.Filters, matched, errors);
        errors.ThrowIfAny();

        var secret = WebhookMessage.NewSecret();
        var subscriber = new Subscriber(caller.Subject, caller.Country, [.. caller.Roles.Order(StringComparer.Ordinal)],
            [.. caller.Scopes.Order(StringComparer.Ordinal)]);
        var subscription = Subscription.Create(Guid.CreateVersion7(), request.Description.Trim(), request.EventTypes, callback!,
            request.Filters, subscriber, secret, time.GetUtcNow());
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionWithSecret(subscription, secret);
    }

    public async Task<SubscriptionWithSecret> RotateSecretAsync(
        Caller caller, Guid id, TimeSpan? overlap, long expectedVersion, CancellationToken cancellationToken)
    {
        var keep = overlap ?? options.Value.SecretOverlap;
        if (keep < TimeSpan.Zero || keep > options.Value.MaxSecretOverlap)
        {
            throw new ValidationException("overlap", $"is between 0 and {options.Value.MaxSecretOverlap.TotalHours:0} hours");
        }

        var subscription = await OwnAsync(caller, id, expectedVersion, cancellationToken);
        var secret = WebhookMessage.NewSecret();
        subscription.RotateSecret(secret, keep, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionWithSecret(subscription, secret);
    }

    public async Task<Subscription> DisableAsync(Caller caller, Guid id, string reason, long expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await OwnAsync(caller, id, expectedVersion, cancellationToken);
        subscription.Disable(string.IsNullOrWhiteSpace(reason) ? $"disabled by {caller.Subject}" : reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return subscription;
    }

    public async Task<Subscription> EnableAsync(Caller caller, Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await OwnAsync(caller, id, expectedVersion, cancellationToken);
        subscription.Enable();
        await db.SaveChangesAsync(cancellationToken);
        wakeUp.Wake();
        return subscription;
    }

    public async Task DeleteAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var subscription = await OwnAsync(caller, id, null, cancellationToken);
        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The event of one delivery again, as a new delivery (same webhook-id, so a receiver that has it can tell).</summary>
    public async Task<Delivery> RedeliverAsync(Caller caller, Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var subscription = await OwnAsync(caller, subscriptionId, null, cancellationToken);
        var original = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(
            d => d.Id == deliveryId && d.SubscriptionId == subscription.Id, cancellationToken)
            ?? throw new NotFoundException("delivery", deliveryId.ToString());
        var stored = await db.StoredEvents.AsNoTracking().SingleAsync(e => e.Id == original.EventId, cancellationToken);
        var delivery = Delivery.For(subscription.Id, stored, "redelivery", time.GetUtcNow());
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        wakeUp.Wake();
        return delivery;
    }

    /// <summary>Every logged event since <paramref name="from"/> that the subscription matches and may receive, delivered again in order.</summary>
    public async Task<int> ReplayAsync(Caller caller, Guid subscriptionId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var subscription = await OwnAsync(caller, subscriptionId, null, cancellationToken);
        var now = time.GetUtcNow();
        if (from > now)
        {
            throw new ValidationException("from", "is in the future");
        }

        var names = directory.Events.Select(e => e.Name).Where(subscription.Matches).ToList();
        var candidates = await db.StoredEvents.AsNoTracking()
            .Where(e => e.ReceivedAt >= from && names.Contains(e.Name))
            .OrderBy(e => e.Sequence)
            .Take(options.Value.MaxReplay + 1)
            .ToListAsync(cancellationToken);
        if (candidates.Count > options.Value.MaxReplay)
        {
            throw new RuleViolationException("replay-too-large",
                $"More than {options.Value.MaxReplay} events since {from:O}: replay from a later point, in steps.");
        }

        var queued = 0;
        foreach (var stored in candidates)
        {
            using var payload = JsonDocument.Parse(stored.Payload);
            if (directory.Find(stored.Name) is { } catalogued && Audience.PassesFilters(subscription.Filters, payload.RootElement)
                && await audience.MayReceiveAsync(subscription.Subscriber, catalogued, stored.OperationalCountries))
            {
                db.Deliveries.Add(Delivery.For(subscription.Id, stored, "replay", now));
                queued++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        wakeUp.Wake();
        return queued;
    }

    private async Task<Subscription> OwnAsync(Caller caller, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await SubscriptionQueries.VisibleAsync(db.Subscriptions, caller, id, cancellationToken);
        if (expectedVersion is > 0 && subscription.Version != expectedVersion)
        {
            throw new ConcurrencyException("subscription", id.ToString(), expectedVersion.Value, subscription.Version);
        }

        return subscription;
    }

    /// <summary>Each pattern well formed and matching some catalogued event; returns the events they match.</summary>
    private List<CataloguedEvent> CheckPatterns(IReadOnlyList<string> patterns, ValidationErrors errors)
    {
        if (patterns.Count > MaxPatterns)
        {
            errors.Add("event_types", $"at most {MaxPatterns}");
        }

        var matched = new List<CataloguedEvent>();
        foreach (var pattern in patterns)
        {
            if (!EventPattern.IsWellFormed(pattern))
            {
                errors.Add("event_types", $"'{pattern}' is not an event name or pattern (lowercase, dots, dashes and *)");
                continue;
            }

            var events = directory.Events.Where(e => EventPattern.Matches(pattern, e.Name)).ToList();
            if (events.Count == 0)
            {
                errors.Add("event_types", $"'{pattern}' matches no event in the catalogues (/asyncapi/<service>.json)");
            }

            matched.AddRange(events);
        }

        return matched;
    }

    private static void CheckFilters(IReadOnlyList<FieldFilter> filters, List<CataloguedEvent> matched, ValidationErrors errors)
    {
        if (filters.Count > MaxFilters)
        {
            errors.Add("filters", $"at most {MaxFilters}");
        }

        foreach (var filter in filters)
        {
            if (filter.Values.Count == 0 || filter.Values.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add("filters", $"the filter on '{filter.Field}' needs values");
            }
            else if (matched.Count > 0 && !matched.Any(e => e.Fields.Contains(filter.Field)))
            {
                errors.Add("filters", $"no event the subscription matches has a field '{filter.Field}'");
            }
        }
    }
}
