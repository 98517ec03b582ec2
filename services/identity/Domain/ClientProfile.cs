using System.Text.RegularExpressions;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Identity.Domain;

/// <summary>
/// Who a client is on the platform: the country it acts for and its roles and scopes. The
/// OpenIddict application beside it holds the secret; tokens take their claims from here, so a
/// granted or revoked role applies to the next token.
/// </summary>
public sealed partial class ClientProfile
{
    private ClientProfile()
    {
    }

    public string ClientId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Country { get; private set; }
    public List<string> Roles { get; private set; } = [];
    public List<string> Scopes { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; private set; }

    public static ClientProfile Register(string clientId, string displayName, string? country, IEnumerable<string> roles, IEnumerable<string> scopes, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (!ClientIdPattern().IsMatch(clientId))
        {
            errors.Add("client_id", "must be 3 to 64 lower-case letters, digits or dashes, starting with a letter");
        }

        displayName = displayName.Trim();
        if (displayName.Length is < 3 or > 200)
        {
            errors.Add("display_name", "must be 3 to 200 characters");
        }

        if (country is not null && !MemberCountries.IsMember(country))
        {
            errors.Add("country", "must be one of the six member countries");
        }

        var roleList = roles.Distinct(StringComparer.Ordinal).ToList();
        if (roleList.Count == 0)
        {
            errors.Add("roles", "at least one role is needed");
        }

        foreach (var role in roleList)
        {
            ValidateRole(role, country, errors);
        }

        var scopeList = scopes.Distinct(StringComparer.Ordinal).ToList();
        foreach (var scope in scopeList.Where(s => !LmcScopes.All.Contains(s)))
        {
            errors.Add("scopes", $"'{scope}' is not a scope of the platform");
        }

        if (scopeList.Count == 0)
        {
            errors.Add("scopes", "at least one scope is needed");
        }

        errors.ThrowIfAny();
        return new ClientProfile
        {
            ClientId = clientId,
            DisplayName = displayName,
            Country = country,
            Roles = roleList,
            Scopes = scopeList,
            CreatedAt = now,
            Version = 1,
        };
    }

    /// <summary>Adds the platform's scopes the client lacks among <paramref name="scopes"/>.</summary>
    /// <returns>The scopes added (none when it had them all).</returns>
    public IReadOnlyList<string> GrantScopes(IEnumerable<string> scopes)
    {
        var added = scopes.Where(s => LmcScopes.All.Contains(s) && !Scopes.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            Scopes = [.. Scopes, .. added];
            Version++;
        }

        return added;
    }

    /// <returns>False when the client already had the role.</returns>
    public bool Grant(string role)
    {
        var errors = new ValidationErrors();
        ValidateRole(role, Country, errors);
        errors.ThrowIfAny();
        if (Roles.Contains(role))
        {
            return false;
        }

        Roles = [.. Roles, role];
        Version++;
        return true;
    }

    /// <returns>False when the client did not have the role.</returns>
    public bool Revoke(string role)
    {
        if (!Roles.Contains(role))
        {
            return false;
        }

        if (Roles.Count == 1)
        {
            throw new RuleViolationException("client.last-role", $"'{role}' is the last role of {ClientId}; a client keeps at least one.");
        }

        Roles = Roles.Where(r => r != role).ToList();
        Version++;
        return true;
    }

    /// <summary>Every role the platform knows.</summary>
    public static IEnumerable<string> KnownRoles =>
    [
        LmcRoles.Secretariat, LmcRoles.FundManager, LmcRoles.HealthFocalPoint, LmcRoles.WaterFocalPoint,
        LmcRoles.AnimalHealthFocalPoint, LmcRoles.Integrator, LmcRoles.Admin, .. PriorityAreas.All.Select(LmcRoles.Jwg),
    ];

    /// <summary>Roles that act for a country need one: a secretariat of no country is no one's.</summary>
    private static bool NeedsCountry(string role) => role is not (LmcRoles.Admin or LmcRoles.Integrator);

    private static void ValidateRole(string role, string? country, ValidationErrors errors)
    {
        if (!KnownRoles.Contains(role))
        {
            errors.Add("roles", $"'{role}' is not a role of the platform");
        }
        else if (NeedsCountry(role) && country is null)
        {
            errors.Add("roles", $"'{role}' acts for a country; give the client's country");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
