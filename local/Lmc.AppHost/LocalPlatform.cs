using System.Net.Sockets;
using Lmc.BuildingBlocks.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lmc.AppHost;

/// <summary>How the local platform wires infrastructure and services from their manifests; one place.</summary>
internal static class LocalPlatform
{
    public const string DatabaseUser = "lmc";
    public const string DatabasePassword = "lmc";
    public const string RabbitMqUri = "amqp://lmc:lmc@127.0.0.1:5672/";

    private static readonly string LocalFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));

    public static string RepositoryFolder { get; } = Path.GetFullPath(Path.Combine(LocalFolder, ".."));

    public static string ServicesFolder { get; } = Path.Combine(RepositoryFolder, "services");

    /// <summary>
    /// The issuer every service validates tokens against: the service whose manifest says it issues
    /// them, on its local REST port.
    /// </summary>
    public static string IssuerOf(IReadOnlyList<ServiceManifest> manifests)
    {
        var issuer = manifests.SingleOrDefault(m => m.IssuesTokens)
            ?? throw new InvalidOperationException("No service manifest says \"issuesTokens\": true.");
        return $"http://localhost:{issuer.Ports.Http}/";
    }

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

    /// <summary>Development environment, loopback listeners, tokens from the local issuer.</summary>
    public static IResourceBuilder<ProjectResource> WithLocalDefaults(this IResourceBuilder<ProjectResource> project, string issuer) => project
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithEnvironment("Ports__LoopbackOnly", "true")
        .WithEnvironment("Auth__Authority", issuer)
        .WithEnvironment("Auth__RequireHttpsMetadata", "false");

    /// <summary>
    /// Every service of the manifests, each with its port block, its database and the broker if it
    /// needs them, the issuer, and a reference to each service it calls. The issuer starts first.
    /// </summary>
    public static IReadOnlyDictionary<string, IResourceBuilder<ProjectResource>> AddLmcServices(
        this IDistributedApplicationBuilder builder, IReadOnlyList<ServiceManifest> manifests,
        IResourceBuilder<ExecutableResource> postgres, IResourceBuilder<ExecutableResource> rabbitmq)
    {
        var issuer = IssuerOf(manifests);
        var added = new Dictionary<string, IResourceBuilder<ProjectResource>>();
        // Dependencies first, so that each WaitFor names a resource already added.
        foreach (var manifest in InDependencyOrder(manifests))
        {
            var service = builder.AddProject(manifest.Name, manifest.ProjectPath)
                .WithHttpEndpoint(port: manifest.Ports.Http, name: "http", env: "Ports__Http", isProxied: false)
                .WithHttpEndpoint(port: manifest.Ports.Grpc, name: "grpc", env: "Ports__Grpc", isProxied: false)
                .WithLocalDefaults(issuer)
                .WithHttpHealthCheck("/health/ready", endpointName: "http");
            if (manifest.Database)
            {
                service.WithEnvironment($"ConnectionStrings__{manifest.Name}",
                        $"Host=127.0.0.1;Port=5432;Database={manifest.DatabaseName};Username={DatabaseUser};Password={DatabasePassword}")
                    .WithEnvironment("Database__MigrateOnStartup", "true")
                    .WaitFor(postgres);
            }

            if (manifest.Broker)
            {
                service.WithEnvironment("ConnectionStrings__rabbitmq", RabbitMqUri).WaitFor(rabbitmq);
            }

            if (manifest.IssuesTokens)
            {
                service.WithEnvironment("Identity__Issuer", issuer);
            }
            else
            {
                service.WaitFor(added[manifests.Single(m => m.IssuesTokens).Name]);
            }

            foreach (var (key, value) in manifest.Local?.Env ?? new Dictionary<string, string>())
            {
                service.WithEnvironment(key, value);
            }

            // A synchronous dependency (funding asks projects whether a project is adopted): gRPC only.
            foreach (var called in manifest.Calls)
            {
                service.WithReference(added[called].GetEndpoint("grpc")).WaitFor(added[called]);
            }

            added[manifest.Name] = service;
        }

        return added;
    }

    /// <summary>The issuer, then every service after the services it calls; a cycle is an error.</summary>
    private static List<ServiceManifest> InDependencyOrder(IReadOnlyList<ServiceManifest> manifests)
    {
        var byName = manifests.ToDictionary(m => m.Name);
        var ordered = new List<ServiceManifest>();
        var visiting = new HashSet<string>();
        foreach (var manifest in manifests.OrderByDescending(m => m.IssuesTokens))
        {
            Visit(manifest);
        }

        return ordered;

        void Visit(ServiceManifest manifest)
        {
            if (ordered.Contains(manifest))
            {
                return;
            }

            if (!visiting.Add(manifest.Name))
            {
                throw new InvalidOperationException($"The services' calls form a cycle through {manifest.Name}.");
            }

            foreach (var called in manifest.Calls)
            {
                Visit(byName[called]);
            }

            visiting.Remove(manifest.Name);
            ordered.Add(manifest);
        }
    }
}
