using System.Globalization;
using System.Text.Json.Nodes;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Errors;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Features;

/// <summary>
/// The OGC SensorThings API 1.1 read side over the service's data: a Thing and its Location per station, a Datastream
/// per station and property it measures (id <c>'011901:water-level'</c>), the ObservedProperties, a Sensor per way of
/// measuring (gauge, rating curve, rain gauge, laboratory), and each Datastream's Observations with $filter on time
/// and result, $orderby, $top, $skip, $count and @iot.nextLink. Read scope; errors as problem+json.
/// </summary>
public static class SensorThingsEndpoints
{
    public const string Root = CapEndpoints.Base + "/sta/v1.1";

    private static readonly string[] EntitySets =
        ["Things", "Locations", "Datastreams", "ObservedProperties", "Sensors"];
    private static readonly string[] ByName = ["name"];
    private static readonly string[] ByTime = ["phenomenonTime", "resultTime", "result"];

    public static void MapSensorThingsEndpoints(this WebApplication app)
    {
        var sta = app.MapGroup(Root)
            .RequireAuthorization(LmcPolicies.ReadPrefix + Application.Stewards.Area)
            .WithProblems();
        sta.MapGet("/", (HttpRequest r) => Results.Json(new JsonObject
        {
            ["value"] = new JsonArray(
                [.. EntitySets.Select(s => new JsonObject { ["name"] = s, ["url"] = Link(r, s) })]),
        }));
        sta.MapGet("/Things", (HttpRequest r, Catalogue c) =>
            Page(r, c.Stations, ByName, s => Thing(r, s)));
        sta.MapGet("/Things({id})", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(Thing(r, StationOf(c, id))));
        sta.MapGet("/Things({id})/Locations", (string id, HttpRequest r, Catalogue c) =>
            Page(r, [StationOf(c, id)], ByName, s => Location(r, s)));
        sta.MapGet("/Things({id})/Datastreams", (
            string id, HttpRequest r, Catalogue c, WaterResourcesDbContext db, CancellationToken ct) =>
            DatastreamsAsync(r, c, db, [.. DatastreamsOf(c, StationOf(c, id))], ct));
        sta.MapGet("/Locations", (HttpRequest r, Catalogue c) =>
            Page(r, [.. c.Stations.Where(s => s.Latitude is not null)], ByName, s => Location(r, s)));
        sta.MapGet("/Locations({id})", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(Location(r, StationOf(c, id))));
        sta.MapGet("/Datastreams", (HttpRequest r, Catalogue c, WaterResourcesDbContext db, CancellationToken ct) =>
            DatastreamsAsync(r, c, db, [.. c.Stations.SelectMany(s => DatastreamsOf(c, s))], ct));
        sta.MapGet("/Datastreams({id})", async (
            string id, HttpRequest r, Catalogue c, WaterResourcesDbContext db, CancellationToken ct) =>
        {
            var stream = DatastreamOf(c, id);
            var spans = await SpansAsync(db, [stream], ct);
            return Results.Json(
                Datastream(r, stream, spans.GetValueOrDefault((stream.Station.Code, stream.Property.Code))));
        });
        sta.MapGet("/Datastreams({id})/Thing", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(Thing(r, DatastreamOf(c, id).Station)));
        sta.MapGet("/Datastreams({id})/ObservedProperty", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(ObservedPropertyOf(r, DatastreamOf(c, id).Property)));
        sta.MapGet("/Datastreams({id})/Sensor", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(Sensor(r, SensorOf(DatastreamOf(c, id).Property))));
        sta.MapGet("/Datastreams({id})/Observations", ObservationsAsync);
        sta.MapGet("/ObservedProperties", (HttpRequest r, Catalogue c) =>
            Page(r, [.. c.Properties], ByName, p => ObservedPropertyOf(r, p)));
        sta.MapGet("/ObservedProperties({id})", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(ObservedPropertyOf(r, c.Properties.FirstOrDefault(p => p.Code == Unquote(id))
                ?? throw new NotFoundException("ObservedProperty", id))));
        sta.MapGet("/Sensors", (HttpRequest r, Catalogue c) =>
            Page(r, [.. c.Properties.Select(SensorOf).Distinct()], ByName, s => Sensor(r, s)));
        sta.MapGet("/Sensors({id})", (string id, HttpRequest r, Catalogue c) =>
            Results.Json(Sensor(r, c.Properties.Select(SensorOf).FirstOrDefault(s => s.Code == Unquote(id))
                ?? throw new NotFoundException("Sensor", id))));
    }

    /// <summary>A station's datastream: the pair the SensorThings model keys observations by.</summary>
    public sealed record Series(StationInfo Station, ObservedProperty Property)
    {
        public string Id => $"{Station.Code}:{Property.Code}";
    }

    public static Series DatastreamOf(Catalogue catalogue, string id)
    {
        var parts = Unquote(id).Split(':');
        var station = parts.Length == 2 ? catalogue.Station(parts[0]) : null;
        return station is not null && station.Observes(parts[1])
            ? new Series(station, catalogue.RequireProperty(station, parts[1]))
            : throw new NotFoundException("Datastream", id);
    }

    /// <summary>A way of measuring, the SensorThings Sensor: the gauge, the rating, the rain gauge or the laboratory.</summary>
    public sealed record SensorKind(string Code, string Name, string Description);

    private static readonly SensorKind Gauge = new(
        "staff-gauge", "Staff gauge", "Water level read from the station's gauge above its zero gauge");

    private static readonly SensorKind Rating = new(
        "rating-curve", "Rating curve", "Discharge computed from the level by the station's rating curve");

    private static readonly SensorKind RainGauge = new(
        "rain-gauge", "Rain gauge", "Rainfall collected by the station's rain gauge");

    private static readonly SensorKind Laboratory = new(
        "laboratory-analysis",
        "Laboratory analysis",
        "A grab sample analysed by a national laboratory of the water-quality network");

    public static SensorKind SensorOf(ObservedProperty property) => property.Code switch
    {
        ObservedProperty.WaterLevel => Gauge,
        "discharge" => Rating,
        "rainfall" => RainGauge,
        _ => Laboratory,
    };

    private static async Task<IResult> ObservationsAsync(
        string id, HttpRequest request, Catalogue catalogue, WaterResourcesDbContext db, CancellationToken ct)
    {
        var stream = DatastreamOf(catalogue, id);
        var options = SensorThingsQuery.Parse(request.Query, ByTime, filterable: true);
        var query = db.Observations.AsNoTracking()
            .Where(o => o.StationCode == stream.Station.Code && o.Property == stream.Property.Code);
        query = options.Filter.Aggregate(query, (q, clause) => q.Where(clause));
        var ordered = (options.OrderBy, options.Descending) switch
        {
            ("result", false) => query.OrderBy(o => o.Value).ThenBy(o => o.Time),
            ("result", true) => query.OrderByDescending(o => o.Value).ThenBy(o => o.Time),
            ("resultTime", false) => query.OrderBy(o => o.RecordedAt).ThenBy(o => o.Time),
            ("resultTime", true) => query.OrderByDescending(o => o.RecordedAt).ThenBy(o => o.Time),
            (_, false) => query.OrderBy(o => o.Time),
            _ => query.OrderByDescending(o => o.Time),
        };
        var rows = await ordered.Skip(options.Skip).Take(options.Top + 1).ToListAsync(ct);
        long? count = options.Count ? await query.LongCountAsync(ct) : null;
        var items = rows.Take(options.Top).Select(o => Observation(request, stream, o)).ToList();
        return Results.Json(Collection(request, options, items, rows.Count > options.Top, count));
    }

    private static async Task<IResult> DatastreamsAsync(
        HttpRequest request,
        Catalogue catalogue,
        WaterResourcesDbContext db,
        List<Series> streams,
        CancellationToken ct)
    {
        var options = SensorThingsQuery.Parse(request.Query, ByName, filterable: false);
        var page = (options.Descending ? streams.AsEnumerable().Reverse() : streams)
            .Skip(options.Skip).Take(options.Top + 1).ToList();
        var spans = await SpansAsync(db, page, ct);
        var items = page.Take(options.Top)
            .Select(s => Datastream(request, s, spans.GetValueOrDefault((s.Station.Code, s.Property.Code)))).ToList();
        return Results.Json(
            Collection(request, options, items, page.Count > options.Top, options.Count ? streams.Count : null));
    }

    /// <summary>The first and last observation time of each datastream: its phenomenonTime.</summary>
    private static async Task<Dictionary<(string, string), (DateTimeOffset First, DateTimeOffset Last)>> SpansAsync(
        WaterResourcesDbContext db, IReadOnlyList<Series> streams, CancellationToken ct)
    {
        var codes = streams.Select(s => s.Station.Code).Distinct().ToList();
        var rows = await db.Observations.AsNoTracking().Where(o => codes.Contains(o.StationCode))
            .GroupBy(o => new { o.StationCode, o.Property })
            .Select(g => new
            {
                g.Key.StationCode,
                g.Key.Property,
                First = g.Min(o => o.Time),
                Last = g.Max(o => o.Time),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.StationCode, r.Property), r => (r.First, r.Last));
    }

    private static IResult Page<T>(
        HttpRequest request, IReadOnlyList<T> all, IReadOnlyList<string> orderable, Func<T, JsonObject> map)
    {
        var options = SensorThingsQuery.Parse(request.Query, orderable, filterable: false);
        var ordered = options.Descending ? all.Reverse() : all;
        var page = ordered.Skip(options.Skip).Take(options.Top + 1).ToList();
        return Results.Json(Collection(
            request,
            options,
            [.. page.Take(options.Top).Select(map)],
            page.Count > options.Top,
            options.Count ? all.Count : null));
    }

    private static JsonObject Collection(
        HttpRequest request, SensorThingsQuery options, List<JsonObject> items, bool more, long? count)
    {
        var result = new JsonObject();
        if (count is { } total)
        {
            result["@iot.count"] = total;
        }

        result["value"] = new JsonArray([.. items]);
        // $top=0 asks for the count alone: no next page, or a client would follow links that never advance.
        if (more && options.Top > 0)
        {
            var query = request.Query.Where(q => q.Key is not ("$skip" or "$top"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"$top={options.Top}")
                .Append($"$skip={options.Skip + options.Top}");
            result["@iot.nextLink"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}"
                + $"?{string.Join('&', query)}";
        }

        return result;
    }

    private static JsonObject Thing(HttpRequest r, StationInfo s) => new()
    {
        ["@iot.id"] = s.Code,
        ["@iot.selfLink"] = Link(r, $"Things('{s.Code}')"),
        ["name"] = s.Name,
        ["description"] = $"A {s.Kind} gauging station on the {s.River} ({s.Country})",
        ["properties"] = new JsonObject
        {
            ["country"] = s.Country,
            ["river"] = s.River,
            ["kind"] = s.Kind,
            ["zeroGaugeM"] = s.ZeroGaugeM,
            ["datum"] = s.Datum,
            ["forecastPoint"] = s.ForecastPoint,
            ["filledIn"] = new JsonArray([.. s.FilledIn.Select(f => (JsonNode?)f)]),
            ["source"] = s.Source,
        },
        ["Locations@iot.navigationLink"] = Link(r, $"Things('{s.Code}')/Locations"),
        ["Datastreams@iot.navigationLink"] = Link(r, $"Things('{s.Code}')/Datastreams"),
    };

    private static JsonObject Location(HttpRequest r, StationInfo s) => new()
    {
        ["@iot.id"] = s.Code,
        ["@iot.selfLink"] = Link(r, $"Locations('{s.Code}')"),
        ["name"] = s.Name,
        ["description"] = $"Where the {s.Name} gauge stands",
        ["encodingType"] = "application/geo+json",
        ["location"] = s.Latitude is { } lat && s.Longitude is { } lon
            ? new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) }
            : null,
    };

    private static JsonObject Datastream(
        HttpRequest r, Series s, (DateTimeOffset First, DateTimeOffset Last) span) => new()
    {
        ["@iot.id"] = s.Id,
        ["@iot.selfLink"] = Link(r, $"Datastreams('{s.Id}')"),
        ["name"] = $"{s.Property.Name} at {s.Station.Name}",
        ["description"] = $"{s.Property.Definition}, as {s.Station.Country} reports it",
        ["observationType"] = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
        ["unitOfMeasurement"] = new JsonObject
        {
            ["name"] = s.Property.Unit,
            ["symbol"] = s.Property.Unit,
            ["definition"] = "https://ucum.org/ucum#" + s.Property.Ucum,
        },
        ["phenomenonTime"] = span == default ? null : $"{Time(span.First)}/{Time(span.Last)}",
        ["Thing@iot.navigationLink"] = Link(r, $"Datastreams('{s.Id}')/Thing"),
        ["Sensor@iot.navigationLink"] = Link(r, $"Datastreams('{s.Id}')/Sensor"),
        ["ObservedProperty@iot.navigationLink"] = Link(r, $"Datastreams('{s.Id}')/ObservedProperty"),
        ["Observations@iot.navigationLink"] = Link(r, $"Datastreams('{s.Id}')/Observations"),
    };

    private static JsonObject ObservedPropertyOf(HttpRequest r, ObservedProperty p) => new()
    {
        ["@iot.id"] = p.Code,
        ["@iot.selfLink"] = Link(r, $"ObservedProperties('{p.Code}')"),
        ["name"] = p.Name,
        ["definition"] = "urn:lmc:water-resources:property:" + p.Code,
        ["description"] = p.Definition,
    };

    private static JsonObject Sensor(HttpRequest r, SensorKind sensor) => new()
    {
        ["@iot.id"] = sensor.Code,
        ["@iot.selfLink"] = Link(r, $"Sensors('{sensor.Code}')"),
        ["name"] = sensor.Name,
        ["description"] = sensor.Description,
        ["encodingType"] = "text/plain",
        ["metadata"] = "As reported by the station's country; method details are the national agency's",
    };

    private static JsonObject Observation(HttpRequest r, Series s, Observation o)
    {
        var id = $"{s.Id}:{Time(o.Time)}";
        return new()
        {
            ["@iot.id"] = id,
            ["@iot.selfLink"] = Link(r, $"Datastreams('{s.Id}')/Observations?$filter=phenomenonTime eq {Time(o.Time)}"),
            ["phenomenonTime"] = Time(o.Time),
            ["resultTime"] = Time(o.RecordedAt),
            ["result"] = o.Value,
            ["parameters"] = new JsonObject { ["version"] = o.Version, ["recordedBy"] = o.RecordedBy },
        };
    }

    private static IEnumerable<Series> DatastreamsOf(Catalogue catalogue, StationInfo station) =>
        station.Measures.Select(m => new Series(station, catalogue.RequireProperty(station, m)));

    private static StationInfo StationOf(Catalogue catalogue, string id) =>
        catalogue.Station(Unquote(id)) ?? throw new NotFoundException("Thing", id);

    private static string Unquote(string id) => id.Trim('\'');

    private static string Link(HttpRequest r, string path) => $"{r.Scheme}://{r.Host}{r.PathBase}{Root}/{path}";

    public static string Time(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
