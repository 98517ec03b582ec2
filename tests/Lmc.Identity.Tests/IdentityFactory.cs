using System.Net.Http.Json;
using System.Text.Json;
using Lmc.Contracts.Identity.V1;
using Lmc.Identity.Application;
using Lmc.Identity.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lmc.Identity.Tests;

/// <summary>The identity service in-process on its own database and vhost.</summary>
public class IdentityFactory : ServiceFactory<Program, IdentityDbContext>
{
    public const string Issuer = "http://localhost/";

    /// <summary>Set by factories that drive the clock (signing-key rotation).</summary>
    protected FakeTimeProvider? Clock { get; init; }

    protected override string DatabaseName => "identity";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The identity service validates its own tokens: the issuer is its authority, not the development key.
        builder.UseSetting("Auth:Authority", Issuer);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Logging:LogLevel:OpenIddict", "Debug");
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>Registers a client directly, as the development seed does; returns its secret.</summary>
    public async Task<string> RegisterAsync(string clientId, string? country, string[] roles, IEnumerable<string> scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var secret = clientId + "-test-secret";
        await scope.ServiceProvider.GetRequiredService<ClientAdministration>()
            .RegisterWithSecretAsync(clientId, $"Test client {clientId}", country, roles, scopes, secret, "test", default);
        return secret;
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope = null, string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        var response = await RequestTokenAsync(clientId, secret, scope);
        if (!response.IsSuccessStatusCode)
        {
            var errors = Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
            throw new HttpRequestException(
                $"No token for {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{string.Join('\n', errors.TakeLast(3))}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public IdentityAdminService.IdentityAdminServiceClient AdminClient() => new(Channel());
}

/// <summary>An identity service whose clock the test moves.</summary>
public sealed class ClockedIdentityFactory : IdentityFactory
{
    public ClockedIdentityFactory() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    public FakeTimeProvider Time => Clock!;
}

[CollectionDefinition(Name)]
public sealed class IdentityServiceGroup : ICollectionFixture<IdentityFactory>
{
    public const string Name = "identity service";
}
