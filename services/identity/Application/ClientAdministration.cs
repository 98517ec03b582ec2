using System.Security.Cryptography;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Identity.Contracts;
using Lmc.Identity.Data;
using Lmc.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lmc.Identity.Application;

/// <summary>
/// Registering clients and granting roles: the profile (country, roles, scopes), the OpenIddict
/// application (hashed secret, permissions) and the event, in one transaction.
/// </summary>
public sealed class ClientAdministration(IdentityDbContext db, IOpenIddictApplicationManager applications, TimeProvider time)
{
    public async Task<(ClientProfile Client, string Secret)> RegisterAsync(
        Caller caller, string clientId, string displayName, string? country, IEnumerable<string> roles, IEnumerable<string> scopes,
        CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var profile = await RegisterWithSecretAsync(clientId, displayName, country, roles, scopes, secret, caller.Subject, cancellationToken);
        return (profile, secret);
    }

    /// <summary>Also used to seed the development clients, whose secrets are known.</summary>
    internal async Task<ClientProfile> RegisterWithSecretAsync(
        string clientId, string displayName, string? country, IEnumerable<string> roles, IEnumerable<string> scopes, string secret,
        string registeredBy, CancellationToken cancellationToken)
    {
        var profile = ClientProfile.Register(clientId, displayName, country, roles, scopes, time.GetUtcNow().ToMicroseconds());
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            throw new ConflictException($"A client '{clientId}' already exists.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = profile.DisplayName,
            ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in profile.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
        db.Clients.Add(profile);
        db.Publish(new ClientRegistered(profile.ClientId, profile.DisplayName, profile.Country, profile.Roles, profile.Scopes, registeredBy, profile.CreatedAt),
            profile.ClientId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return profile;
    }

    /// <summary>
    /// Gives a client the scopes it lacks, in its profile and its OpenIddict permissions together: what the seed of
    /// the development clients does for a client registered before a service joined. Only the seed calls it.
    /// </summary>
    /// <returns>The scopes added.</returns>
    internal async Task<IReadOnlyList<string>> GrantScopesAsync(string clientId, IEnumerable<string> scopes, string grantedBy,
        CancellationToken cancellationToken)
    {
        var profile = await FindForChangeAsync(clientId, cancellationToken);
        var added = profile.GrantScopes(scopes);
        if (added.Count == 0)
        {
            return added;
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new NotFoundException("client", clientId);
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        foreach (var scope in added)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        db.Publish(new ScopesGranted(profile.ClientId, profile.Country, added, grantedBy, time.GetUtcNow()), profile.ClientId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<ClientProfile> GrantRoleAsync(Caller caller, string clientId, string role, CancellationToken cancellationToken)
    {
        var profile = await FindForChangeAsync(clientId, cancellationToken);
        if (profile.Grant(role))
        {
            db.Publish(new RoleGranted(profile.ClientId, profile.Country, role, caller.Subject, time.GetUtcNow()), profile.ClientId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return profile;
    }

    public async Task<ClientProfile> RevokeRoleAsync(Caller caller, string clientId, string role, CancellationToken cancellationToken)
    {
        var profile = await FindForChangeAsync(clientId, cancellationToken);
        if (profile.Revoke(role))
        {
            db.Publish(new RoleRevoked(profile.ClientId, profile.Country, role, caller.Subject, time.GetUtcNow()), profile.ClientId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return profile;
    }

    public async Task<ClientProfile> GetAsync(Caller caller, string clientId, CancellationToken cancellationToken)
    {
        return await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken)
            ?? throw new NotFoundException("Client", clientId);
    }

    public async Task<(IReadOnlyList<ClientProfile> Items, string? Next)> ListAsync(
        Caller caller, string? country, int pageSize, string? after, CancellationToken cancellationToken)
    {
        var query = db.Clients.AsNoTracking();
        if (country is not null)
        {
            query = query.Where(c => c.Country == country);
        }

        if (after is not null)
        {
            query = query.Where(c => string.Compare(c.ClientId, after) > 0);
        }

        var items = await query.OrderBy(c => c.ClientId).Take(pageSize + 1).ToListAsync(cancellationToken);
        return items.Count > pageSize ? (items[..pageSize], items[pageSize - 1].ClientId) : (items, null);
    }

    private async Task<ClientProfile> FindForChangeAsync(string clientId, CancellationToken cancellationToken) =>
        await db.Clients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken)
        ?? throw new NotFoundException("Client", clientId);
}
