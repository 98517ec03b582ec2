using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Errors;
using Lmc.Connectivity.Application;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Lmc.Connectivity.Features;

/// <summary>
/// The network's layers in the shape of OGC API - Features (Part 1, core): <c>/collections</c>, one collection per
/// layer and its <c>items</c> as a GeoJSON FeatureCollection, with bbox and property filters and limit/offset paging;
/// routes as GeoJSON too. Read scope, as the gRPC reads; errors as problem+json.
/// </summary>
public static class FeatureEndpoints
{
    public const string Base = "/api/v1/connectivity";
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    private static readonly (string Id, string Title, string Description)[] Layers =
    [
        ("nodes", "Nodes", "Cities, ports, dry ports, airports, border-crossing sides, substations, landing stations and stations."),
        ("links", "Links", "Road, rail, inland waterway, air, power and fibre links, with their status."),
        ("corridors", "Corridors", "Named ordered paths of links (GMS economic corridors, the China-Laos railway corridor...)."),
        ("border-crossings", "Border crossings", "Crossings with each side's hours, single window and the dwell each way."),
    ];

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        var group = app.MapGroup(Base).RequireAuthorization(LmcPolicies.ReadPrefix + "connectivity").WithProblems();
        group.MapGet("/collections", (HttpRequest request) => Results.Json(new
        {
            links = new[] { Self(request) },
            collections = Layers.Select(l => Describe(request, l)),
        }, Json));
        group.MapGet("/collections/{id}", (HttpRequest request, string id) =>
            Layers.Any(l => l.Id == id) ? Results.Json(Describe(request, Layers.Single(l => l.Id == id)), Json) : Missing(id));
        group.MapGet("/collections/{id}/items", ItemsAsync);
        group.MapGet("/routes/geojson", RoutesAsync);
    }

    private static async Task<IResult> ItemsAsync(HttpRequest request, string id, NetworkQueries queries, ConnectivityDbContext db,
        CancellationToken ct)
    {
        var q = request.Query;
        var bbox = Bbox.Parse(q["bbox"]);
        var country = Country(q["country"]);
        List<Feature> features;
        switch (id)
        {
            case "nodes":
                features = [.. (await queries.NodesAsync(Enum<NodeKind>(q["kind"], "kind"), country, bbox, ct)).Select(GeoJsonLayers.Of)];
                break;
            case "links":
                var atRisk = await queries.AtRiskIdsAsync(ct);
                features = [.. (await queries.LinksAsync(Enum<LinkMode>(q["mode"], "mode"), Enum<LinkStatus>(q["status"], "status"),
                    country, bbox, ct)).Select(l => GeoJsonLayers.Of(l, atRisk.Contains(l.Id)))];
                break;
            case "corridors":
                var corridors = await queries.CorridorsAsync(ct);
                var links = await queries.LinksOfAsync(corridors.Select(c => c.Corridor), ct);
                features = [.. corridors.Select(c => GeoJsonLayers.Of(c, links))
                    .Where(f => bbox is null || bbox.Polygon.Intersects(f.Geometry))];
                break;
            case "border-crossings":
                var crossings = await queries.CrossingsAsync(country, ct);
                var linkIds = crossings.Select(c => c.Crossing.LinkId).ToList();
                var crossingLinks = await db.Links.AsNoTracking().Where(l => linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
                features = [.. crossings.Select(c => GeoJsonLayers.Of(c, crossingLinks[c.Crossing.LinkId]))
                    .Where(f => bbox is null || bbox.Polygon.Intersects(f.Geometry))];
                break;
            default:
                return Missing(id);
        }

        var limit = Int(q["limit"], "limit", DefaultLimit, 1, MaxLimit);
        var offset = Int(q["offset"], "offset", 0, 0, int.MaxValue);
        var page = features.Skip(offset).Take(limit).ToList();
        return Collection(page, features.Count, request);
    }

    private static async Task<IResult> RoutesAsync(HttpRequest request, RouteFinder finder, CancellationToken ct)
    {
        var q = request.Query;
        var modes = List(q["modes"], "modes").Select(m => Enum<LinkMode>(m, "modes")!.Value).ToList();
        var closed = List(q["closed_links"], "closed_links");
        var routes = await finder.FindAsync(new RouteQuery(q["from"], q["to"], Enum<RouteMetric>(q["metric"], "metric") ?? RouteMetric.Time,
            modes, Int(q["alternatives"], "alternatives", 1, 1, RouteFinder.MaxAlternatives), closed), ct);
        var features = routes.Select(GeoJsonLayers.Of).ToList();
        return Collection(features, features.Count, request);
    }

    /// <summary>A comma-separated (or repeated) parameter; an empty entry ("road,,rail", " ") is a mistake, not "any".</summary>
    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values, string field)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)).ToList();
        return items.Any(i => i.Length == 0) ? throw new ValidationException(field, "has an empty entry; give a comma-separated list")
            : items;
    }

    private static IResult Collection(List<Feature> features, int matched, HttpRequest request)
    {
        var collection = new FeatureCollection();
        foreach (var feature in features)
        {
            collection.Add(feature);
        }

        // RFC 7946's bbox ([west, south, east, north]) and OGC API - Features' members beside the GeoJSON ones.
        var body = JsonSerializer.SerializeToNode(collection, Json)!.AsObject();
        if (GeoJsonLayers.Bounds(features) is { } b)
        {
            body["bbox"] = new System.Text.Json.Nodes.JsonArray(b.MinX, b.MinY, b.MaxX, b.MaxY);
        }

        body["numberMatched"] = matched;
        body["numberReturned"] = features.Count;
        body["links"] = JsonSerializer.SerializeToNode(new[] { Self(request) }, Json);
        return Results.Text(body.ToJsonString(Json), "application/geo+json");
    }

    private static object Describe(HttpRequest request, (string Id, string Title, string Description) layer) => new
    {
        id = layer.Id,
        title = layer.Title,
        description = layer.Description,
        itemType = "feature",
        crs = new[] { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
        links = new[]
        {
            new { href = $"{request.Scheme}://{request.Host}{Base}/collections/{layer.Id}/items", rel = "items", type = "application/geo+json" },
        },
    };

    private static object Self(HttpRequest request) =>
        new { href = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}", rel = "self", type = "application/json" };

    private static IResult Missing(string id) => throw new NotFoundException("collection", id);

    private static T? Enum<T>(string? text, string field) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return System.Enum.TryParse<T>(name, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(name, out _)
            ? value
            : throw new ValidationException(field, $"is one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => Words.Of(v)))}");
    }

    private static string? Country(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        return MemberCountries.IsMember(upper) ? upper : throw new ValidationException("country", "is one of KH, CN, LA, MM, TH, VN");
    }

    private static int Int(string? text, string field, int fallback, int min, int max) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text, out var value) && value >= min && value <= max ? value
        : throw new ValidationException(field, $"is a whole number from {min} to {max}");
}
