using System.Net;
using Lmc.BuildingBlocks.Auth;
using Lmc.Identity.Seed;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Identity.Tests;

/// <summary>
/// The development clients follow the platform as it grows: a service that joined after a client was seeded (as
/// water-resources did) brings scopes the client lacks, and seeding again grants them, once.
/// </summary>
[Collection(IdentityServiceGroup.Name)]
public sealed class DevelopmentClientTests(IdentityFactory identity)
{
    [Fact]
    public async Task Seeding_again_gives_an_existing_development_client_the_scopes_of_services_that_joined_since()
    {
        const string client = "dev-kh-water-focal-point";
        var secret = await identity.RegisterAsync(client, "KH", [LmcRoles.WaterFocalPoint], [LmcScopes.Read("projects")]);
        using var before = await identity.RequestTokenAsync(client, secret, LmcScopes.Write("water-resources"));

        await DevelopmentClients.SeedAsync(identity.Services);
        await DevelopmentClients.SeedAsync(identity.Services);
        using var after = await identity.RequestTokenAsync(client, secret, LmcScopes.Write("water-resources"));

        Assert.NotEqual(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var profile = await identity.InDatabaseAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.ClientId == client));
        Assert.Equal(LmcScopes.All.Order(), profile.Scopes.Order());
        var events = await identity.InDatabaseAsync(db => db.OutboxMessages
            .Where(m => m.AggregateId == Lmc.BuildingBlocks.Data.LmcDbContext.AggregateIdOf(client)).Select(m => m.EventName).ToListAsync());
        Assert.Single(events, e => e == "lmc.identity.scopes-granted.v1");
    }
}
