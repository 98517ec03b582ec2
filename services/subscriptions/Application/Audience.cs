using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Subscriptions.Catalogue;
using Lmc.Subscriptions.Domain;
using Microsoft.AspNetCore.Authorization;

namespace Lmc.Subscriptions.Application;

/// <summary>
/// Whether a subscriber may receive an event: under the same rules as a read through the API. The publishing
/// service's read policy (its manifest's, as the gateway applies it) is evaluated on the subscriber's claims, and an
/// event that is operational data goes only to a member country it names (a Thai integrator never receives Lao
/// surveillance data).
/// </summary>
public sealed class Audience(IAuthorizationService authorization)
{
    private readonly ConcurrentDictionary<(string, string), bool> _policies = new();

    public async Task<bool> MayReceiveAsync(Subscriber subscriber, CataloguedEvent catalogued, IReadOnlyList<string> operationalCountries)
    {
        if (catalogued.IsOperational
            && !(MemberCountries.IsMember(subscriber.Country) && operationalCountries.Contains(subscriber.Country!, StringComparer.Ordinal)))
        {
            return false;
        }

        var key = (Describe(subscriber), catalogued.ReadPolicy);
        if (_policies.TryGetValue(key, out var allowed))
        {
            return allowed;
        }

        allowed = (await authorization.AuthorizeAsync(Principal(subscriber), null, catalogued.ReadPolicy)).Succeeded;
        // The claims are the subscription's snapshot and the policies fixed at start-up: the answer does not change.
        if (_policies.Count < 10_000)
        {
            _policies[key] = allowed;
        }

        return allowed;
    }

    /// <summary>The countries whose operational data an event is: the values of its catalogue's country fields.</summary>
    public static List<string> OperationalCountries(CataloguedEvent catalogued, JsonElement payload)
    {
        var countries = new List<string>();
        foreach (var field in catalogued.CountryFields)
        {
            if (payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(field, out var value))
            {
                countries.AddRange(Strings(value).Select(c => c.ToUpperInvariant()));
            }
        }

        return [.. countries.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A subscription's filters: every filter's field must hold one of its values.</summary>
    public static bool PassesFilters(IReadOnlyList<FieldFilter> filters, JsonElement payload) =>
        filters.All(f => payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(f.Field, out var value)
            && Strings(value).Any(v => f.Values.Contains(v, StringComparer.OrdinalIgnoreCase)));

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [value.GetRawText()],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static string Describe(Subscriber s) =>
        $"{s.Subject}|{s.Country}|{string.Join(',', s.Roles.Order(StringComparer.Ordinal))}|{string.Join(',', s.Scopes.Order(StringComparer.Ordinal))}";

    private static ClaimsPrincipal Principal(Subscriber subscriber)
    {
        var claims = new List<Claim> { new(LmcClaims.Subject, subscriber.Subject) };
        if (subscriber.Country is not null)
        {
            claims.Add(new Claim(LmcClaims.Country, subscriber.Country));
        }

        claims.AddRange(subscriber.Roles.Select(r => new Claim(LmcClaims.Role, r)));
        claims.Add(new Claim(LmcClaims.Scope, string.Join(' ', subscriber.Scopes)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "subscription", LmcClaims.Subject, LmcClaims.Role));
    }
}
