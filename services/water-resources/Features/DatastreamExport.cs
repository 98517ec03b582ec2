using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Errors;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace Lmc.WaterResources.Features;

/// <summary>
/// A datastream (a station's property) exported whole or over a span: as OGC WaterML 2.0 (a wml2:Collection with
/// the station as a MonitoringPoint and one OM_Observation whose result is a MeasurementTimeseries), the form
/// hydrological agencies and WMO's WIS exchange series in, or as CSV with the same header the import reads.
/// </summary>
public static class DatastreamExport
{
    public const string Path = CapEndpoints.Base + "/export/{station}/{property}";

    /// <summary>About fourteen years of 15-minute readings; a longer span is asked for in parts.</summary>
    public const int MaxRows = 500_000;

    private static readonly XNamespace Wml2 = "http://www.opengis.net/waterml/2.0";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    private static readonly XNamespace Om = "http://www.opengis.net/om/2.0";
    private static readonly XNamespace Sa = "http://www.opengis.net/sampling/2.0";
    private static readonly XNamespace Sams = "http://www.opengis.net/samplingSpatial/2.0";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    public static void MapDatastreamExport(this WebApplication app) =>
        app.MapGet(Path, ExportAsync)
            .RequireAuthorization(LmcPolicies.ReadPrefix + Application.Stewards.Area)
            .WithProblems();

    private static async Task<IResult> ExportAsync(
        string station,
        string property,
        string? format,
        string? from,
        string? to,
        Catalogue catalogue,
        WaterResourcesDbContext db,
        TimeProvider time,
        CancellationToken ct)
    {
        var info = catalogue.RequireStation(station);
        var observed = catalogue.RequireProperty(info, property);
        var kind = (format ?? "waterml2").ToLowerInvariant();
        if (kind is not ("waterml2" or "csv"))
        {
            throw new ValidationException("format", "is waterml2 or csv");
        }

        var start = Instant(from, "from");
        var end = Instant(to, "to");
        if (start > end)
        {
            throw new ValidationException("from", "comes before to");
        }

        var query = db.Observations.AsNoTracking()
            .Where(o => o.StationCode == info.Code && o.Property == observed.Code);
        query = start is { } s ? query.Where(o => o.Time >= s) : query;
        query = end is { } e ? query.Where(o => o.Time <= e) : query;
        var rows = await query.OrderBy(o => o.Time).Take(MaxRows + 1).ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            throw new ValidationException(
                "to", $"the span holds more than {MaxRows} observations; ask for less at once");
        }

        var file = $"{info.Code}-{observed.Code}";
        return kind == "csv"
            ? Results.File(Encoding.UTF8.GetBytes(Csv(info, observed, rows)), "text/csv; charset=utf-8", file + ".csv")
            : Results.File(
                Encoding.UTF8.GetBytes(WaterMl(info, observed, rows, time.GetUtcNow())),
                "application/xml; charset=utf-8",
                file + ".wml2.xml");
    }

    /// <summary>The import's columns (so an export imports again), then the version and when it was recorded.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = [.. Application.ObservationCsv.Columns, "version", "recorded_at"];

    public static string Csv(StationInfo station, ObservedProperty property, IReadOnlyList<Observation> rows)
    {
        if (rows.Count == 0)
        {
            // Sep writes the header with the first row: a span without observations is the header alone.
            return string.Join(',', CsvColumns) + "\n";
        }

        using var writer = Sep.New(',').Writer().ToText();
        foreach (var o in rows)
        {
            string[] values =
            [
                station.Code,
                property.Code,
                Iso(o.Time.ToOffset(station.UtcOffset)),
                o.Value.ToString("R", CultureInfo.InvariantCulture),
                property.Unit,
                o.Version.ToString(CultureInfo.InvariantCulture),
                SensorThingsEndpoints.Time(o.RecordedAt),
            ];
            using var row = writer.NewRow();
            for (var i = 0; i < values.Length; i++)
            {
                row[CsvColumns[i]].Set(values[i]);
            }
        }

        return writer.ToString();
    }

    public static string WaterMl(
        StationInfo station, ObservedProperty property, IReadOnlyList<Observation> rows, DateTimeOffset generated)
    {
        var point = new XElement(Wml2 + "MonitoringPoint", new XAttribute(Gml + "id", "MP.1"),
            new XElement(
                Gml + "identifier", new XAttribute("codeSpace", "urn:lmc:water-resources:station"), station.Code),
            new XElement(Gml + "name", station.Name),
            new XElement(Sa + "sampledFeature", new XAttribute(XLink + "title", station.River)),
            new XElement(Sams + "shape", station.Latitude is { } lat && station.Longitude is { } lon
                ? new XElement(Gml + "Point", new XAttribute(Gml + "id", "P.1"),
                    new XElement(Gml + "pos", new XAttribute("srsName", "urn:ogc:def:crs:EPSG::4326"),
                        FormattableString.Invariant($"{lat} {lon}")))
                : new XAttribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "nil", "true")));
        var series = new XElement(Wml2 + "MeasurementTimeseries", new XAttribute(Gml + "id", "TS.1"),
            new XElement(Wml2 + "defaultPointMetadata", new XElement(Wml2 + "DefaultTVPMeasurementMetadata",
                new XElement(Wml2 + "uom", new XAttribute("code", property.Ucum)),
                new XElement(Wml2 + "interpolationType",
                    new XAttribute(
                        XLink + "href", "http://www.opengis.net/def/waterml/2.0/interpolationType/Continuous"),
                    new XAttribute(XLink + "title", "Instantaneous")))));
        series.Add(rows.Select(o => new XElement(Wml2 + "point", new XElement(Wml2 + "MeasurementTVP",
            new XElement(Wml2 + "time", Iso(o.Time.ToOffset(station.UtcOffset))),
            new XElement(Wml2 + "value", o.Value.ToString("R", CultureInfo.InvariantCulture))))));
        var first = rows.Count > 0 ? rows[0].Time : generated;
        var last = rows.Count > 0 ? rows[^1].Time : generated;
        var observation = new XElement(Om + "OM_Observation", new XAttribute(Gml + "id", "O.1"),
            new XElement(Om + "phenomenonTime", new XElement(Gml + "TimePeriod", new XAttribute(Gml + "id", "TP.1"),
                new XElement(Gml + "beginPosition", Iso(first.ToOffset(station.UtcOffset))),
                new XElement(Gml + "endPosition", Iso(last.ToOffset(station.UtcOffset))))),
            new XElement(Om + "resultTime", new XElement(Gml + "TimeInstant", new XAttribute(Gml + "id", "TI.1"),
                new XElement(Gml + "timePosition", Iso(generated)))),
            new XElement(Om + "procedure", new XAttribute(XLink + "href",
                "urn:lmc:water-resources:sensor:" + SensorThingsEndpoints.SensorOf(property).Code)),
            new XElement(Om + "observedProperty",
                new XAttribute(XLink + "href", "urn:lmc:water-resources:property:" + property.Code),
                new XAttribute(XLink + "title", property.Name)),
            new XElement(Om + "featureOfInterest", new XAttribute(XLink + "href", "#MP.1"),
                new XAttribute(XLink + "title", station.Name)),
            new XElement(Om + "result", series));
        var collection = new XElement(Wml2 + "Collection",
            new XAttribute(XNamespace.Xmlns + "wml2", Wml2.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "gml", Gml.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "om", Om.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "sa", Sa.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "sams", Sams.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName),
            new XAttribute(Gml + "id", "C.1"),
            new XElement(Gml + "description", $"{property.Name} at {station.Name} ({station.Code}), {station.Country}"),
            new XElement(Wml2 + "metadata", new XElement(Wml2 + "DocumentMetadata", new XAttribute(Gml + "id", "DM.1"),
                new XElement(Wml2 + "generationDate", Iso(generated)),
                new XElement(Wml2 + "generationSystem", "LMC Platform, water-resources service"))),
            new XElement(Wml2 + "samplingFeatureMember", point),
            new XElement(Wml2 + "observationMember", observation));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            new XDocument(collection).Save(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text;
    }

    private static DateTimeOffset? Instant(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Instants.ParseWithOffset(text, field);

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
