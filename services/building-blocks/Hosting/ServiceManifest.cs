using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lmc.BuildingBlocks.Hosting;

/// <summary>
/// A service's manifest, <c>services/&lt;name&gt;/service.json</c> (schema: <c>services/service.schema.json</c>).
/// The AppHost, the gateway, <c>./lmc</c>, the chart and the test fixtures read these files to find every
/// service, so a new service is one folder and no list elsewhere names it. This file has no dependency
/// beyond the runtime: the AppHost compiles it in as a linked source.
/// </summary>
public sealed record ServiceManifest(
    string Name,
    string Summary,
    string Project,
    string Owner,
    string Proto,
    ServicePorts Ports,
    bool Database,
    bool Broker,
    IReadOnlyList<string> Calls,
    bool IssuesTokens = false,
    GatewayExposure? Gateway = null,
    LocalSettings? Local = null,
    IReadOnlyList<string>? Extensions = null)
{
    public const string FileName = "service.json";

    /// <summary>
    /// The template a database with extensions is made from on a local or test server (local/infra.sh creates it
    /// as the superuser, with every extension the schema allows): the platform's role may create databases but
    /// not untrusted extensions such as PostGIS and pgRouting.
    /// </summary>
    public const string ExtensionsTemplate = "lmc_template_gis";

    /// <summary>The template its database is created from locally and in tests, if it needs extensions.</summary>
    [JsonIgnore]
    public string? DatabaseTemplate => Extensions is { Count: > 0 } ? ExtensionsTemplate : null;

    /// <summary>The folder the manifest was read from (absolute).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = "";

    /// <summary>The service's project file, beside its manifest.</summary>
    [JsonIgnore]
    public string ProjectPath => Path.Combine(Directory, Project + ".csproj");

    /// <summary>Its database on a local or test server: <c>lmc_</c> and the name with underscores.</summary>
    [JsonIgnore]
    public string DatabaseName => "lmc_" + Name.Replace('-', '_');

    /// <summary>The policy of its reads at the gateway (GET operations): its read scope unless the manifest says otherwise.</summary>
    [JsonIgnore]
    public string ReadPolicy => Gateway?.ReadPolicy ?? "read:" + Name;

    /// <summary>The policy of its other operations at the gateway: its write scope unless the manifest says otherwise.</summary>
    [JsonIgnore]
    public string WritePolicy => Gateway?.WritePolicy ?? "write:" + Name;

    [JsonIgnore]
    public bool PublishesOpenApi => Gateway?.OpenApi ?? true;
}

/// <summary>The local port block: REST, health and OpenAPI on <see cref="Http"/>; gRPC (h2c) on <see cref="Grpc"/>.</summary>
public sealed record ServicePorts(int Http, int Grpc);

/// <summary>How the gateway exposes a service beyond the routes its protos give it.</summary>
public sealed record GatewayExposure(
    string? ReadPolicy = null,
    string? WritePolicy = null,
    bool? OpenApi = null,
    IReadOnlyList<ExtraRoute>? Routes = null);

/// <summary>An endpoint that is no proto operation (a token endpoint, a discovery document).</summary>
public sealed record ExtraRoute(string Path, IReadOnlyList<string> Methods, string Policy);

/// <summary>
/// Settings for <c>./lmc up</c> only: environment for the AppHost's resource, and the program (relative to the
/// service's folder) that enters its demo data through the gateway once the platform is up.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string>? Env = null, string? Seed = null);

/// <summary>Finds and reads every service's manifest.</summary>
public static class ServiceManifests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // The chart's own section ("chart") and "$schema" are for other readers.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>
    /// Every <c>*/service.json</c> under <paramref name="servicesDirectory"/>, ordered by name and checked:
    /// the name is its folder's, ports and names are unique, every service it calls exists.
    /// </summary>
    public static IReadOnlyList<ServiceManifest> Load(string servicesDirectory)
    {
        if (!System.IO.Directory.Exists(servicesDirectory))
        {
            throw new InvalidOperationException($"No services folder at {servicesDirectory}.");
        }

        var manifests = System.IO.Directory.EnumerateDirectories(servicesDirectory)
            .Select(folder => Path.Combine(folder, ServiceManifest.FileName))
            .Where(File.Exists)
            .Select(Read)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        Check(manifests);
        return manifests;
    }

    /// <summary>
    /// The repository's <c>services</c> folder, looked for upwards from <paramref name="start"/> (a test's or
    /// the AppHost's output folder), or a <c>services</c> folder copied beside the application.
    /// </summary>
    public static string FindServicesDirectory(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "services");
            if (System.IO.Directory.Exists(candidate)
                && System.IO.Directory.EnumerateFiles(candidate, ServiceManifest.FileName, SearchOption.AllDirectories).Any())
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No services/*/{ServiceManifest.FileName} found above {start}.");
    }

    /// <summary>The repository's manifests, found from the running application's folder.</summary>
    public static IReadOnlyList<ServiceManifest> FromRepository() => Load(FindServicesDirectory(AppContext.BaseDirectory));

    private static ServiceManifest Read(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<ServiceManifest>(File.ReadAllText(path), Json)
                ?? throw new InvalidOperationException("it is empty");
            return manifest with { Directory = Path.GetDirectoryName(Path.GetFullPath(path))!, Calls = manifest.Calls ?? [] };
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }

    private static void Check(IReadOnlyList<ServiceManifest> manifests)
    {
        var problems = new List<string>();
        foreach (var m in manifests)
        {
            if (string.IsNullOrWhiteSpace(m.Name) || string.IsNullOrWhiteSpace(m.Project) || string.IsNullOrWhiteSpace(m.Proto))
            {
                problems.Add($"{m.Directory}: name, project and proto are required");
            }
            else if (Path.GetFileName(m.Directory) != m.Name)
            {
                problems.Add($"{m.Directory}: the name '{m.Name}' is not its folder's");
            }

            if (m.Ports is null)
            {
                problems.Add($"{m.Name}: ports are required");
            }

            problems.AddRange(m.Calls.Where(c => manifests.All(o => o.Name != c)).Select(c => $"{m.Name} calls '{c}', which has no manifest"));
            if (m.Extensions is { Count: > 0 } && !m.Database)
            {
                problems.Add($"{m.Name} lists database extensions but has no database");
            }
        }

        problems.AddRange(manifests.Where(m => m.Ports is not null)
            .SelectMany(m => new[] { (m.Name, Port: m.Ports.Http), (m.Name, Port: m.Ports.Grpc) })
            .GroupBy(p => p.Port).Where(g => g.Count() > 1)
            .Select(g => $"port {g.Key} is taken by {string.Join(" and ", g.Select(p => p.Name))}"));
        problems.AddRange(manifests.GroupBy(m => m.Proto).Where(g => g.Count() > 1)
            .Select(g => $"proto package {g.Key} is claimed by {string.Join(" and ", g.Select(m => m.Name))}"));
        if (manifests.Count(m => m.IssuesTokens) > 1)
        {
            problems.Add("more than one service issues tokens");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Service manifests: " + string.Join("; ", problems) + ".");
        }
    }
}
