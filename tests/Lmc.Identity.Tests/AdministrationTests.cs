using Google.Rpc;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Identity.V1;
using Lmc.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static Lmc.Identity.Tests.IdentityFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Identity.Tests;

[Collection(IdentityServiceGroup.Name)]
public sealed class AdministrationTests(IdentityFactory identity)
{
    private readonly IdentityAdminService.IdentityAdminServiceClient _admin = identity.AdminClient();

    private async Task<Metadata> AdminAsync()
    {
        const string id = "platform-admin";
        string secret;
        await using (var scope = identity.Services.CreateAsyncScope())
        {
            var exists = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Clients.AnyAsync(c => c.ClientId == id);
            secret = exists ? id + "-test-secret" : await identity.RegisterAsync(id, null, [LmcRoles.Admin], LmcScopes.All);
        }

        return Bearer(await identity.TokenAsync(id, secret));
    }

    [Fact]
    public async Task An_admin_registers_a_client_whose_secret_then_obtains_a_token_with_its_roles()
    {
        var request = new RegisterClientRequest
        {
            ClientId = "mrc-data-portal",
            DisplayName = "Water data portal (integrator)",
            Country = Country.La,
            Roles = { LmcRoles.Integrator },
            Scopes = { "health-surveillance:read", "projects:read" }, // scopes of services that have a manifest
        };
        var registered = await _admin.RegisterClientAsync(request, await AdminAsync());

        Assert.Equal(44, registered.ClientSecret.Length); // 32 random bytes, base64
        var token = new JsonWebToken(await identity.TokenAsync("mrc-data-portal", registered.ClientSecret));
        Assert.Equal("integrator", token.GetClaim(LmcClaims.Role).Value);
        Assert.Equal("LA", token.GetClaim(LmcClaims.Country).Value);
        Assert.Contains(await EventsOf("mrc-data-portal"), e => e == "lmc.identity.client-registered.v1");

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => _admin.RegisterClientAsync(request, AdminAsync().Result).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Fact]
    public async Task A_granted_role_is_in_the_next_token_and_a_revoked_one_is_gone()
    {
        var secret = await identity.RegisterAsync("th-health-system", "TH", [LmcRoles.HealthFocalPoint], LmcScopes.All);
        var admin = await AdminAsync();

        await _admin.GrantRoleAsync(new GrantRoleRequest { ClientId = "th-health-system", Role = LmcRoles.AnimalHealthFocalPoint }, admin);
        var granted = new JsonWebToken(await identity.TokenAsync("th-health-system", secret));
        Assert.Contains(granted.Claims, c => c.Type == LmcClaims.Role && c.Value == LmcRoles.AnimalHealthFocalPoint);

        await _admin.RevokeRoleAsync(new RevokeRoleRequest { ClientId = "th-health-system", Role = LmcRoles.HealthFocalPoint }, admin);
        var revoked = new JsonWebToken(await identity.TokenAsync("th-health-system", secret));
        Assert.DoesNotContain(revoked.Claims, c => c.Type == LmcClaims.Role && c.Value == LmcRoles.HealthFocalPoint);
        Assert.Equal(
            ["lmc.identity.client-registered.v1", "lmc.identity.role-granted.v1", "lmc.identity.role-revoked.v1"],
            await EventsOf("th-health-system"));
    }

    [Fact]
    public async Task Only_the_admin_role_administers_clients()
    {
        var secret = await identity.RegisterAsync("kh-secretariat-admin-attempt", "KH", [LmcRoles.Secretariat], LmcScopes.All);
        var notAdmin = Bearer(await identity.TokenAsync("kh-secretariat-admin-attempt", secret));

        var error = await Assert.ThrowsAsync<RpcException>(() => _admin.GrantRoleAsync(
            new GrantRoleRequest { ClientId = "kh-secretariat-admin-attempt", Role = LmcRoles.Admin }, notAdmin).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => _admin.ListClientsAsync(new ListClientsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_scopes_and_country_less_secretariats_are_refused_with_details()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _admin.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = "Bad Id",
            DisplayName = "x",
            Roles = { "secretariat", "emperor" },
            Scopes = { "everything:write" },
        }, await AdminAsync()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Distinct().ToList();
        Assert.Equal(["client_id", "display_name", "roles", "scopes"], fields);
    }

    [Fact]
    public async Task The_last_role_of_a_client_cannot_be_revoked()
    {
        await identity.RegisterAsync("vn-single-role", "VN", [LmcRoles.Secretariat], [LmcScopes.Read("projects")]);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _admin.RevokeRoleAsync(
            new RevokeRoleRequest { ClientId = "vn-single-role", Role = LmcRoles.Secretariat }, await AdminAsync()));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    private async Task<List<string>> EventsOf(string clientId)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var aggregate = BuildingBlocks.Data.LmcDbContext.AggregateIdOf(clientId);
        return await db.OutboxMessages.Where(m => m.AggregateId == aggregate).OrderBy(m => m.Sequence).Select(m => m.EventName).ToListAsync();
    }
}
