using Google.Protobuf.Reflection;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Yarp.ReverseProxy.Configuration;

namespace Lmc.Gateway.Routing;

/// <summary>
/// The gateway's routes and clusters, made from the services' manifests and their compiled protos: each
/// RPC is a gRPC route (<c>/package.Service/Method</c>) and each of its <c>google.api.http</c> bindings a REST
/// route, both to the owning service, with the service's read policy for a GET and its write policy for
/// anything else. An RPC without a rule is a write. Only what is no proto operation is listed by hand: the
/// manifests' extra routes (the token endpoint, discovery) and each service's OpenAPI document.
/// </summary>
public static class ContractRoutes
{
    public const string Anonymous = "anonymous";
    public const string HealthPath = "/health/ready";

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(
        IReadOnlyList<ServiceManifest> manifests, IReadOnlyList<FileDescriptor> files)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var manifest in manifests)
        {
            clusters.Add(RestCluster(manifest.Name));
            clusters.Add(GrpcCluster(manifest.Name));
            routes.AddRange(RoutesOf(manifest, files.Where(f => f.Package == manifest.Proto)));
        }

        var unowned = files.Where(f => f.Services.Count > 0 && manifests.All(m => m.Proto != f.Package)).Select(f => f.Name).ToList();
        if (unowned.Count > 0)
        {
            throw new InvalidOperationException(
                $"No service manifest names the proto package of {string.Join(", ", unowned)}: add \"proto\" to its service.json.");
        }

        CheckNoTwoRoutesMatchAlike(routes);
        return (routes, clusters);
    }

    /// <summary>The policy a service's operation gets at the gateway: what its verb implies.</summary>
    public static string PolicyOf(ServiceManifest manifest, MethodDescriptor method)
    {
        return ContractAccess.IsRead(method) ? manifest.ReadPolicy : manifest.WritePolicy;
    }

    private static IEnumerable<RouteConfig> RoutesOf(ServiceManifest manifest, IEnumerable<FileDescriptor> files)
    {
        foreach (var method in files.SelectMany(f => f.Services).SelectMany(s => s.Methods))
        {
            var id = $"{manifest.Name}:{method.FullName}";
            yield return Route(id + ":grpc", manifest.Name + "-grpc", PolicyOf(manifest, method), $"/{method.Service.FullName}/{method.Name}");
            var bindings = HttpBinding.Of(method);
            for (var i = 0; i < bindings.Count; i++)
            {
                var policy = bindings[i].IsRead ? manifest.ReadPolicy : manifest.WritePolicy;
                yield return Route($"{id}:rest:{i}", manifest.Name, policy, bindings[i].Template, bindings[i].Verb);
            }
        }

        foreach (var (extra, i) in (manifest.Gateway?.Routes ?? []).Select((r, i) => (r, i)))
        {
            yield return Route($"{manifest.Name}:extra:{i}", manifest.Name, extra.Policy, extra.Path, [.. extra.Methods]);
        }

        if (manifest.PublishesOpenApi)
        {
            yield return Route($"{manifest.Name}:openapi", manifest.Name, Anonymous, $"/openapi/{manifest.Name}.json", "GET") with
            {
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            };
        }

        // Every service serves its event catalogue (AsyncAPI), empty while it publishes nothing.
        yield return Route($"{manifest.Name}:asyncapi", manifest.Name, Anonymous, $"/asyncapi/{manifest.Name}.json", "GET") with
        {
            Transforms = [new Dictionary<string, string> { ["PathSet"] = EventCatalogue.Path }],
        };
    }

    private static RouteConfig Route(string id, string cluster, string policy, string path, params string[] methods) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        AuthorizationPolicy = policy,
        Match = new RouteMatch { Path = path, Methods = methods.Length > 0 ? methods : null },
    };

    /// <summary>REST, health and OpenAPI over HTTP/1.1, at the logical name service discovery resolves.</summary>
    private static ClusterConfig RestCluster(string name) => new()
    {
        ClusterId = name,
        Metadata = new Dictionary<string, string> { ["Health"] = HealthPath },
        Destinations = new Dictionary<string, DestinationConfig> { [name] = new() { Address = $"http://{name}" } },
    };

    /// <summary>gRPC over HTTP/2 without TLS (h2c) to the service's gRPC endpoint.</summary>
    private static ClusterConfig GrpcCluster(string name) => new()
    {
        ClusterId = name + "-grpc",
        HttpRequest = new() { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        Destinations = new Dictionary<string, DestinationConfig> { [name] = new() { Address = $"http://_grpc.{name}" } },
    };

    /// <summary>Two services claiming one path and verb would leave routing to chance: refuse to start.</summary>
    private static void CheckNoTwoRoutesMatchAlike(List<RouteConfig> routes)
    {
        var clashes = routes
            .SelectMany(r => (r.Match.Methods ?? ["*"]).Select(m => (Key: $"{m} {Normalised(r.Match.Path!)}", r.RouteId)))
            .GroupBy(x => x.Key)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => x.RouteId))})")
            .ToList();
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException("Routes that match the same requests: " + string.Join("; ", clashes));
        }

        // Parameter names do not change what a template matches.
        static string Normalised(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{(\*\*)?[^}]+\}", "{$1}");
    }
}
