using System.Net.Http.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.Identity.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lmc.Identity.Tests;

public sealed class SigningKeyRotationTests(ClockedIdentityFactory identity) : IClassFixture<ClockedIdentityFactory>
{
    [Fact]
    public async Task A_new_key_is_published_first_signs_after_the_activation_delay_and_the_old_one_stays_published()
    {
        var ring = identity.Services.GetRequiredService<SigningKeyRing>();
        var secret = await identity.RegisterAsync("rotation-client", "TH", [LmcRoles.Secretariat], [LmcScopes.Read("projects")]);
        var first = new JsonWebToken(await identity.TokenAsync("rotation-client", secret));

        // Moving the clock also fires the rotation service's own timer; the explicit calls below
        // make each step deterministic, whichever of the two gets there first.
        identity.Time.Advance(TimeSpan.FromDays(29));
        await ring.RotateIfDueAsync();
        Assert.Equal([first.Kid], await PublishedKeyIds());

        identity.Time.Advance(TimeSpan.FromDays(1));
        await ring.RotateIfDueAsync();
        var published = await PublishedKeyIds();
        Assert.Equal(2, published.Count);
        Assert.Contains(first.Kid, published);
        // Published, not yet signing: services may not have fetched it.
        Assert.Equal(first.Kid, new JsonWebToken(await identity.TokenAsync("rotation-client", secret)).Kid);

        identity.Time.Advance(TimeSpan.FromHours(1));
        await ring.RotateIfDueAsync();
        var second = new JsonWebToken(await identity.TokenAsync("rotation-client", secret));
        Assert.NotEqual(first.Kid, second.Kid);
        Assert.Contains(second.Kid, published);
        Assert.Contains(first.Kid, await PublishedKeyIds()); // tokens it signed still verify

        // Two more rotations: the first key leaves the set (three are kept).
        for (var i = 0; i < 2; i++)
        {
            identity.Time.Advance(TimeSpan.FromDays(30));
            await ring.RotateIfDueAsync();
        }

        var after = await PublishedKeyIds();
        Assert.Equal(3, after.Count);
        Assert.DoesNotContain(first.Kid, after);
    }

    private async Task<List<string>> PublishedKeyIds()
    {
        var jwks = new JsonWebKeySet(await identity.CreateClient().GetStringAsync("/.well-known/jwks"));
        return jwks.Keys.Select(k => k.Kid).ToList();
    }
}
