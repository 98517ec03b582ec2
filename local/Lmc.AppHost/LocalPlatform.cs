using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lmc.AppHost;

/// <summary>How the local platform wires infrastructure and services; one place, so each service is one line.</summary>
internal static class LocalPlatform
{
    public const string DatabaseUser = "lmc";
    public const string DatabasePassword = "lmc";
    public const string RabbitMqUri = "amqp://lmc:lmc@127.0.0.1:5672/";

    /// <summary>The identity service's issuer: every service validates tokens through its discovery document.</summary>
    public const string Issuer = "http://localhost:5001/";

    private static readonly string LocalFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));

    /// <summary>PostgreSQL or RabbitMQ from Debian's packages, healthy once its port answers.</summary>
    public static IResourceBuilder<ExecutableResource> AddInfrastructure(this IDistributedApplicationBuilder builder, string name, int port)
    {
        var check = $"{name}-port";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, async cancellationToken =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException e)
            {
                return HealthCheckResult.Unhealthy($"127.0.0.1:{port} does not answer", e);
            }
        });

        return builder.AddExecutable(name, "bash", LocalFolder, Path.Combine(LocalFolder, "follow-infra.sh"), name)
            .WithHealthCheck(check);
    }

    /// <summary>Development environment, loopback listeners, tokens from the local identity service.</summary>
    public static IResourceBuilder<ProjectResource> WithLocalDefaults(this IResourceBuilder<ProjectResource> project) => project
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithEnvironment("Ports__LoopbackOnly", "true")
        .WithEnvironment("Auth__Authority", Issuer)
        .WithEnvironment("Auth__RequireHttpsMetadata", "false");

    /// <summary>
    /// A platform service with its own database, the broker, the local issuer and two
    /// listeners (REST on <paramref name="httpPort"/>, gRPC on the next port).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddLmcService<TProject>(
        this IDistributedApplicationBuilder builder, string name, int httpPort,
        IResourceBuilder<ExecutableResource> postgres, IResourceBuilder<ExecutableResource> rabbitmq)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: httpPort, name: "http", env: "Ports__Http", isProxied: false)
            .WithHttpEndpoint(port: httpPort + 1, name: "grpc", env: "Ports__Grpc", isProxied: false)
            .WithLocalDefaults()
            .WithEnvironment($"ConnectionStrings__{name}",
                $"Host=127.0.0.1;Port=5432;Database=lmc_{name.Replace('-', '_')};Username={DatabaseUser};Password={DatabasePassword}")
            .WithEnvironment("ConnectionStrings__rabbitmq", RabbitMqUri)
            .WithEnvironment("Database__MigrateOnStartup", "true")
            .WithHttpHealthCheck("/health/ready", endpointName: "http")
            .WaitFor(postgres)
            .WaitFor(rabbitmq);
}
