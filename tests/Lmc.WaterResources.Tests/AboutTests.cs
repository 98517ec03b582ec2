using System.Net;
using System.Text.Json;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.WaterResources.V1;
using Lmc.Testing;
using Microsoft.EntityFrameworkCore;
using static Lmc.Testing.TestTokens;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// The service starts on its migrated database and describes itself from its manifest, to readers only.
/// </summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class AboutTests(WaterResourcesServiceFactory service)
{
    [Fact]
    public async Task The_service_says_what_it_is_and_who_owns_it()
    {
        var about = await service.Client().GetAboutAsync(
            new GetAboutRequest(), Bearer(For("TH", LmcRoles.Secretariat)));

        Assert.Equal("water-resources", about.Name);
        Assert.Equal("jwg:water-resources", about.Owner);
        Assert.Equal("water-resources:read", about.ReadScope);
        Assert.Equal("water-resources:write", about.WriteScope);
    }

    [Fact]
    public async Task A_caller_without_the_read_scope_is_refused_with_the_scope_named()
    {
        var token = Mint("TH", [LmcRoles.Secretariat], scopes: ["projects:read"]);

        var refused = await Assert.ThrowsAsync<RpcException>(
            () => service.Client().GetAboutAsync(new GetAboutRequest(), Bearer(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("water-resources:read", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task REST_callers_read_it_as_JSON()
    {
        using var response = await service.RestClient(For("VN", LmcRoles.Integrator))
            .GetAsync("/api/v1/water-resources/about");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("jwg:water-resources", body.RootElement.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task The_database_has_every_migration_applied()
    {
        var pending = await service.InDatabaseAsync(db => db.Database.GetPendingMigrationsAsync());

        Assert.Empty(pending);
    }
}
