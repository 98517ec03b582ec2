using System.Security.Claims;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.BuildingBlocks.Auth;

/// <summary>Who is calling, read once from the validated token; what the domain checks against.</summary>
public sealed record Caller(string Subject, string? Country, IReadOnlySet<string> Roles, IReadOnlySet<string> Scopes)
{
    public static Caller From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(LmcClaims.Subject)?.Value ?? principal.Identity?.Name ?? "anonymous";
        var country = principal.FindFirst(LmcClaims.Country)?.Value?.ToUpperInvariant();
        var roles = principal.FindAll(LmcClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scopes = principal.FindAll(LmcClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, country, roles, scopes);
    }

    public bool HasRole(string role) => Roles.Contains(role);

    public bool IsJwgMember(string areaSlug) => Roles.Contains(LmcRoles.Jwg(areaSlug));

    /// <summary>Object-level authorization: the caller acts only for its own country.</summary>
    public void EnsureActsFor(string country, string action)
    {
        if (!string.Equals(Country, country, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"Only {country}'s own representatives may {action}; the caller acts for {Country ?? "no country"}.");
        }
    }

    public void EnsureRole(string role, string action)
    {
        if (!HasRole(role))
        {
            throw new ForbiddenException($"Only the '{role}' role may {action}.");
        }
    }
}
