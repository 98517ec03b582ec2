using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.WaterResources.V1;
using static Lmc.Testing.TestTokens;
using static Lmc.WaterResources.Tests.WaterResourcesServiceFactory;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// The warnings as a CAP 1.2 feed: each alert valid against the OASIS schema, with what hubs need beyond it.
/// </summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class CapFeedTests(WaterResourcesServiceFactory service)
{
    private const string StungTreng = "014501";
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet();
        set.Add("urn:oasis:names:tc:emergency:cap:1.2", Path.Combine(AppContext.BaseDirectory, "Cap", "CAP-v1.2.xsd"));
        set.Compile();
        return set;
    }

    private static void AssertValid(XElement alert)
    {
        var errors = new List<string>();
        new XDocument(alert).Validate(Schema(), (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        foreach (var time in alert.Descendants().Where(e => e.Name.LocalName is "sent" or "onset" or "expires"))
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", time.Value);
        }

        Assert.DoesNotMatch("[ ,<&]", alert.Element(Cap + "identifier")!.Value);
        var info = alert.Element(Cap + "info")!;
        Assert.True(
            DateTimeOffset.Parse(info.Element(Cap + "expires")!.Value)
                > DateTimeOffset.Parse(info.Element(Cap + "onset")!.Value));
        Assert.NotNull(info.Element(Cap + "area"));
    }

    [Fact]
    public async Task The_feed_carries_a_flood_warning_as_a_CAP_alert_valid_against_the_schema_and_its_lifting_as_a_cancel()
    {
        await service.ResetAsync(StungTreng);
        var rise = await service.LevelsAsync(StungTreng, "KH", Hourly(11.5, 12.2));
        var flood = Assert.Single(rise.Summary.Warnings, w => w.Kind == WarningKind.Flood);
        var client = service.RestClient(For("VN", LmcRoles.Secretariat));

        using var alertResponse = await client.GetAsync($"/api/v1/water-resources/cap/{flood.WarningId}");
        var alert = XElement.Parse(await alertResponse.Content.ReadAsStringAsync());
        await service.LevelsAsync(
            StungTreng,
            "KH",
            [
                new ObservationValue
                {
                    Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(HoursAgo(0.5)), Value = 10.0,
                },
            ]);
        using var feedResponse = await client.GetAsync("/api/v1/water-resources/cap");
        var feed = XElement.Parse(await feedResponse.Content.ReadAsStringAsync());

        Assert.Equal("application/cap+xml", alertResponse.Content.Headers.ContentType?.MediaType);
        AssertValid(alert);
        Assert.Equal("Alert", alert.Element(Cap + "msgType")!.Value);
        Assert.Equal("Severe", alert.Element(Cap + "info")!.Element(Cap + "severity")!.Value);
        var area = alert.Element(Cap + "info")!.Element(Cap + "area")!;
        Assert.Equal("13.5325,105.9502 25", area.Element(Cap + "circle")!.Value);
        Assert.Equal(["KH-19"], area.Elements(Cap + "geocode").Select(g => g.Element(Cap + "value")!.Value));

        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType?.MediaType);
        var cancel = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!)
            .Single(a => a.Element(Cap + "identifier")!.Value == alert.Element(Cap + "identifier")!.Value + "-cancel");
        AssertValid(cancel);
        Assert.Equal("Cancel", cancel.Element(Cap + "msgType")!.Value);
        Assert.Equal(
            $"{alert.Element(Cap + "sender")!.Value},{alert.Element(Cap + "identifier")!.Value},"
                + $"{alert.Element(Cap + "sent")!.Value}",
            cancel.Element(Cap + "references")!.Value);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            AssertValid(entry.Element(Atom + "content")!.Element(Cap + "alert")!);
        }
    }

    [Fact]
    public async Task An_unknown_alert_is_a_problem_and_the_feed_needs_the_read_scope()
    {
        using var missing = await service.RestClient(For("VN", LmcRoles.Secretariat))
            .GetAsync($"/api/v1/water-resources/cap/{Guid.NewGuid()}");
        using var bad = await service.RestClient(For("VN", LmcRoles.Secretariat))
            .GetAsync("/api/v1/water-resources/cap/not-an-id");
        using var anonymous = await service.RestClient(null).GetAsync("/api/v1/water-resources/cap");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
