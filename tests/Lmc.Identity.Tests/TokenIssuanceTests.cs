using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lmc.Identity.Tests;

[Collection(IdentityServiceGroup.Name)]
public sealed class TokenIssuanceTests(IdentityFactory identity)
{
    private static readonly string[] ScopeErrors = ["invalid_scope", "invalid_request"];

    [Fact]
    public async Task A_client_gets_a_short_lived_token_with_its_country_roles_and_scopes()
    {
        var secret = await identity.RegisterAsync("kh-secretariat-system", "KH", [LmcRoles.Secretariat, LmcRoles.Jwg("water-resources")],
            [LmcScopes.Read("projects"), LmcScopes.Write("projects")]);

        var token = new JsonWebToken(await identity.TokenAsync("kh-secretariat-system", secret));

        Assert.Equal("kh-secretariat-system", token.Subject);
        Assert.Equal(IdentityFactory.Issuer, token.Issuer);
        Assert.Equal(["lmc-platform"], token.Audiences);
        Assert.Equal("KH", token.GetClaim(LmcClaims.Country).Value);
        Assert.Equal(["secretariat", "jwg:water-resources"], token.Claims.Where(c => c.Type == LmcClaims.Role).Select(c => c.Value).Order().Reverse());
        Assert.Equal(["projects:read", "projects:write"], token.GetClaim(LmcClaims.Scope).Value.Split(' ').Order());
        Assert.Equal(TimeSpan.FromMinutes(10), token.ValidTo - token.IssuedAt);
        Assert.Equal("RS256", token.Alg);
    }

    [Fact]
    public async Task The_token_validates_against_the_published_discovery_document_and_keys()
    {
        var secret = await identity.RegisterAsync("th-water-focal-point", "TH", [LmcRoles.WaterFocalPoint], [LmcScopes.Read("projects")]);
        var token = await identity.TokenAsync("th-water-focal-point", secret);

        var http = identity.CreateClient();
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(IdentityFactory.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Contains("client_credentials", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = new JsonWebKeySet(await http.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdentityFactory.Issuer,
            ValidAudience = "lmc-platform",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.DoesNotContain(jwks.Keys, k => k.D is not null || k.P is not null); // public halves only
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_is_refused()
    {
        await identity.RegisterAsync("vn-integrator", "VN", [LmcRoles.Integrator], [LmcScopes.Read("projects")]);
        var wrong = await identity.RequestTokenAsync("vn-integrator", "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var unknown = await identity.RequestTokenAsync("nobody", "anything");
        Assert.Equal("invalid_client", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_integrator_gets_only_the_scopes_it_was_granted()
    {
        var secret = await identity.RegisterAsync("mm-integrator", "MM", [LmcRoles.Integrator], [LmcScopes.Read("projects")]);

        var tooMuch = await identity.RequestTokenAsync("mm-integrator", secret, scope: "projects:read projects:write");
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var refusal = await tooMuch.Content.ReadFromJsonAsync<JsonElement>();
        // OpenIddict answers a scope the client has no permission for with invalid_request.
        Assert.Contains(refusal.GetProperty("error").GetString(), ScopeErrors);
        Assert.Contains("scope", refusal.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);

        var granted = new JsonWebToken(await identity.TokenAsync("mm-integrator", secret, scope: "projects:read"));
        Assert.Equal("projects:read", granted.GetClaim(LmcClaims.Scope).Value);
    }

    [Fact]
    public async Task Grants_other_than_client_credentials_are_refused()
    {
        var secret = await identity.RegisterAsync("la-secretariat-system", "LA", [LmcRoles.Secretariat], [LmcScopes.Read("projects")]);
        var password = await identity.RequestTokenAsync("la-secretariat-system", secret, grantType: "password");
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await password.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task No_secret_or_token_appears_in_the_logs()
    {
        var secret = await identity.RegisterAsync("cn-fund-manager-system", "CN", [LmcRoles.FundManager], [LmcScopes.Write("funding")]);
        var token = await identity.TokenAsync("cn-fund-manager-system", secret);
        await identity.RequestTokenAsync("cn-fund-manager-system", secret + "-wrong");

        Assert.NotEmpty(identity.Logs.Lines);
        Assert.DoesNotContain(secret, identity.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], identity.Logs.All, StringComparison.Ordinal);
    }
}
