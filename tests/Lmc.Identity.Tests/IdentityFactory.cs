using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Lmc.Contracts.Identity.V1;
using Lmc.Identity.Application;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Lmc.Identity.Tests;

/// <summary>The identity service in-process on its own database and vhost.</summary>
public class IdentityFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Issuer = "http://localhost/";

    private IsolatedInfrastructure _infrastructure = null!;
    private string _connectionString = null!;

    public CapturedLogs Logs { get; } = new();

    /// <summary>Set by factories that drive the clock (signing-key rotation).</summary>
    protected FakeTimeProvider? Clock { get; init; }

    public async Task InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _connectionString = await _infrastructure.CreateDatabaseAsync("identity");
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:identity", _connectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", _infrastructure.RabbitMqUri);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Auth:Authority", Issuer);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Logging:LogLevel:OpenIddict", "Debug");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
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

    public IdentityAdminService.IdentityAdminServiceClient AdminClient() =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));

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
