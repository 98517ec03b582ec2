using Lmc.BuildingBlocks.Hosting;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Lmc.Gateway.Tests;

/// <summary>The gateway in-process, its clusters pointing at a stub service, with tight edge limits.</summary>
public class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int BodyLimit = 1024;

    public StubService Downstream { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public IReadOnlyList<ServiceManifest> Manifests { get; } = ServiceManifests.FromRepository();

    protected virtual int RateLimitTokens => 1000;

    public async Task InitializeAsync()
    {
        Downstream = await StubService.StartAsync();
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Downstream.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Auth:DevelopmentSigningKey", TestEnvironment.SigningKey);
        // Every service the gateway routes to (one per manifest); the stub answers for all of them.
        foreach (var service in Manifests)
        {
            builder.UseSetting($"services:{service.Name}:http:0", Downstream.Address.ToString());
            builder.UseSetting($"services:{service.Name}:grpc:0", Downstream.GrpcAddress.ToString());
        }

        builder.UseSetting("Gateway:MaxRequestBodyBytes", BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:RateLimit:TokenLimit", RateLimitTokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:RateLimit:TokensPerPeriod", RateLimitTokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:RateLimit:ReplenishmentPeriod", "00:00:02");
        builder.UseSetting("Gateway:CorsOrigins:0", "https://portal.lmc.example");
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Yarp", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
    }

    public HttpClient Client(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }
}

/// <summary>The same gateway with a bucket of three requests per client, refilled every two seconds.</summary>
public sealed class TightRateLimitGatewayFactory : GatewayFactory
{
    protected override int RateLimitTokens => 3;
}
