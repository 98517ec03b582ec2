using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Subscriptions.V1;
using static Lmc.Testing.TestTokens;

namespace Lmc.Subscriptions.Tests;

/// <summary>What the tests subscribe as, and the events they publish.</summary>
internal static class Subscribing
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    /// <summary>An integrator of a country with every scope (as the development clients have).</summary>
    public static string Integrator(string country, string? subject = null) =>
        Mint(country, [LmcRoles.Integrator], subject: subject ?? $"integrator-{country}-{Guid.NewGuid():N}");

    public static Task<CreateSubscriptionResponse> SubscribeAsync(
        this SubscriptionsServiceFactory service, string token, string callback, params string[] eventTypes) =>
        service.SubscribeAsync(token, callback, eventTypes, []);

    public static async Task<CreateSubscriptionResponse> SubscribeAsync(
        this SubscriptionsServiceFactory service, string token, string callback, string[] eventTypes, FieldFilter[] filters)
    {
        var request = new CreateSubscriptionRequest { Description = "test", CallbackUrl = callback };
        request.EventTypes.AddRange(eventTypes);
        request.Filters.AddRange(filters);
        return await service.Client().CreateSubscriptionAsync(request, Bearer(token));
    }

    public static object Submitted(Guid projectId, string country = "TH", string area = "water-resources", long version = 1) => new
    {
        projectId,
        leadCountry = country,
        priorityArea = area,
        version,
        occurredAt = DateTimeOffset.UtcNow,
    };

    public static object SignalRaised(Guid alertId, string country, string unit) => new
    {
        signalId = Guid.NewGuid(),
        alertId,
        disease = "dengue",
        unit,
        country,
        week = "2026-W48",
        method = "ears-c2",
        observed = 42.0,
        statistic = 3.4,
        threshold = 3.0,
        occurredAt = DateTimeOffset.UtcNow,
    };
}
