using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Identity.Application;
using Lmc.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Identity.Seed;

/// <summary>
/// One client per member country and role (<c>dev-th-secretariat</c>, <c>dev-la-jwg-water-resources</c>,
/// ...) and <c>dev-admin</c>, each with the secret <c>&lt;client id&gt;-secret</c>: what
/// <c>./lmc token</c> and the demo seed use. Development only.
/// </summary>
public static class DevelopmentClients
{
    public const string AdminClientId = "dev-admin";

    public static string ClientIdFor(string? country, string role) =>
        country is null ? $"dev-{role.Replace(':', '-')}" : $"dev-{country.ToLowerInvariant()}-{role.Replace(':', '-')}";

    public static string SecretFor(string clientId) => clientId + "-secret";

    public static IEnumerable<(string ClientId, string? Country, string Role)> All()
    {
        yield return (AdminClientId, null, LmcRoles.Admin);
        string[] countryRoles =
        [
            LmcRoles.Secretariat, LmcRoles.FundManager, LmcRoles.HealthFocalPoint, LmcRoles.WaterFocalPoint,
            LmcRoles.AnimalHealthFocalPoint, LmcRoles.Integrator, .. PriorityAreas.All.Select(LmcRoles.Jwg),
        ];
        foreach (var country in MemberCountries.All.Order())
        {
            foreach (var role in countryRoles)
            {
                yield return (ClientIdFor(country, role), country, role);
            }
        }
    }

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var administration = scope.ServiceProvider.GetRequiredService<ClientAdministration>();
        var existing = (await db.Clients.Select(c => c.ClientId).ToListAsync()).ToHashSet();
        foreach (var (clientId, country, role) in All())
        {
            // Integrators get what an outside system typically gets: reading, and changing only their own (webhooks).
            var scopes = role == LmcRoles.Integrator ? LmcScopes.ReadAllAndWriteOwned(role) : LmcScopes.All;
            if (!existing.Contains(clientId))
            {
                await administration.RegisterWithSecretAsync(
                    clientId, $"Development {role} of {country ?? "the platform"}", country, [role], scopes, SecretFor(clientId), "seed", default);
            }
            else
            {
                // A service that joined since the client was seeded brings scopes the client lacks.
                await administration.GrantScopesAsync(clientId, scopes, "seed", default);
            }
        }
    }
}
