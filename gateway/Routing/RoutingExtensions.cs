using Lmc.BuildingBlocks.Hosting;

namespace Lmc.Gateway.Routing;

public static class RoutingExtensions
{
    /// <summary>
    /// The manifests the gateway routes: copied beside it at build (services/&lt;name&gt;/service.json), or
    /// from <c>Gateway:ManifestsPath</c>.
    /// </summary>
    public static IReadOnlyList<ServiceManifest> LoadManifests(IConfiguration configuration)
    {
        var folder = configuration["Gateway:ManifestsPath"] ?? ServiceManifests.FindServicesDirectory(AppContext.BaseDirectory);
        return ServiceManifests.Load(folder);
    }

    /// <summary>
    /// YARP with the routes and clusters made from the manifests and contracts, plus anything an operator
    /// adds under <c>ReverseProxy</c> in configuration; destinations are logical names resolved by service
    /// discovery (Aspire's and the chart's <c>services__&lt;name&gt;__http__0</c>).
    /// </summary>
    public static WebApplicationBuilder AddContractRouting(this WebApplicationBuilder builder)
    {
        var manifests = LoadManifests(builder.Configuration);
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddInMemoryCollection(LocalDestinations(manifests, builder.Configuration));
        }

        var (routes, clusters) = ContractRoutes.Build(manifests, ProtoContracts.Load());
        builder.Services.AddSingleton(manifests);
        builder.Services.AddServiceDiscovery();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    /// <summary>
    /// Run alone in Development (not under the AppHost, which sets them), the gateway finds each service on
    /// loopback at its manifest's ports.
    /// </summary>
    private static Dictionary<string, string?> LocalDestinations(IReadOnlyList<ServiceManifest> manifests, ConfigurationManager configuration) =>
        manifests.Where(m => configuration.GetSection($"services:{m.Name}").GetChildren().Any() is false)
            .SelectMany(m => new[]
            {
                KeyValuePair.Create($"services:{m.Name}:http:0", (string?)$"http://127.0.0.1:{m.Ports.Http}"),
                KeyValuePair.Create($"services:{m.Name}:grpc:0", (string?)$"http://127.0.0.1:{m.Ports.Grpc}"),
            })
            .ToDictionary();
}
