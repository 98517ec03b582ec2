using System.Xml;
using System.Xml.Linq;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Errors;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Features;

/// <summary>
/// The warnings as CAP 1.2: <c>/cap</c> is an Atom feed (RFC 4287), the shape alert hubs poll, of every active
/// warning and of those lifted in the last three days as Cancel alerts, each CAP alert inline; <c>/cap/{id}</c> one
/// alert. Read scope, as the other reads; errors as problem+json.
/// </summary>
public static class CapEndpoints
{
    public const string Base = "/api/v1/water-resources";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void MapCapEndpoints(this WebApplication app)
    {
        var group = app.MapGroup(Base)
            .RequireAuthorization(LmcPolicies.ReadPrefix + Application.Stewards.Area)
            .WithProblems();
        group.MapGet("/cap", FeedAsync);
        group.MapGet("/cap/{id}", AlertAsync);
    }

    private static async Task<IResult> FeedAsync(
        HttpRequest request,
        WaterResourcesDbContext db,
        Catalogue catalogue,
        TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-3);
        var warnings = await db.Warnings.AsNoTracking().Where(w => w.LiftedAt == null || w.LiftedAt >= since)
            .OrderByDescending(w => w.Id).Take(500).ToListAsync(ct);
        var self = $"{request.Scheme}://{request.Host}{Base}/cap";
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", "urn:lmc:water-resources:cap"),
            new XElement(Atom + "title", "LMC Water Resources JWG: flood, drought and river warnings (CAP 1.2)"),
            new XElement(
                Atom + "updated",
                CapAlerts.Time(warnings.Select(w => w.LiftedAt ?? w.IssuedAt).DefaultIfEmpty(now).Max())
                    .Replace("-00:00", "Z", StringComparison.Ordinal)),
            new XElement(
                Atom + "author", new XElement(Atom + "name", "Lancang-Mekong Cooperation, Water Resources JWG")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)));
        foreach (var warning in warnings)
        {
            var station = catalogue.Station(warning.StationCode)!;
            var lifted = !warning.Active;
            var alert = CapAlerts.Of(warning, station, lifted);
            feed.Add(new XElement(Atom + "entry",
                new XElement(
                    Atom + "id",
                    "urn:lmc:" + (lifted ? CapAlerts.CancelIdentifierOf(warning) : CapAlerts.IdentifierOf(warning))),
                new XElement(Atom + "title", (lifted ? "Lifted: " : "") + warning.Headline),
                new XElement(
                    Atom + "updated",
                    (warning.LiftedAt ?? warning.IssuedAt).ToUniversalTime()
                        .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
                new XElement(
                    Atom + "link",
                    new XAttribute("rel", "alternate"),
                    new XAttribute("type", CapAlerts.ContentType),
                    new XAttribute("href", $"{self}/{warning.Id}")),
                new XElement(Atom + "content", new XAttribute("type", CapAlerts.ContentType), alert)));
        }

        return Xml(new XDocument(feed), "application/atom+xml");
    }

    private static async Task<IResult> AlertAsync(
        string id, WaterResourcesDbContext db, Catalogue catalogue, CancellationToken ct)
    {
        var key = Guid.TryParse(id, out var g) ? g : throw new ValidationException("id", "is a warning id (a UUID)");
        var warning = await db.Warnings.AsNoTracking().SingleOrDefaultAsync(w => w.Id == key, ct)
            ?? throw new NotFoundException("warning", id);
        return Xml(
            new XDocument(CapAlerts.Of(warning, catalogue.Station(warning.StationCode)!, !warning.Active)),
            CapAlerts.ContentType);
    }

    private static IResult Xml(XDocument document, string contentType)
    {
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Async = false }))
        {
            document.Save(writer);
        }

        return Results.Text(text.ToString(), contentType + "; charset=utf-8");
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
