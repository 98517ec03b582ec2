using System.Net;
using System.Text.Json;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Testing;
using Microsoft.EntityFrameworkCore;
using static Lmc.Testing.TestTokens;
using static Lmc.Connectivity.Tests.TestNetwork;

namespace Lmc.Connectivity.Tests;

/// <summary>The network's writes: geometry checked with clear refusals, who may write, crossings and their dwell.</summary>
[Collection(ConnectivityServiceGroup.Name)]
public sealed class NetworkTests(ConnectivityServiceFactory service)
{
    private static CreateNodeRequest NodeAt(string code, double longitude, double latitude) => new()
    {
        Code = code, Name = "Node " + code, Kind = NodeKind.City, Country = Country.La,
        Location = new Position { Longitude = longitude, Latitude = latitude },
    };

    private static string Code() => "N" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task Coordinates_given_latitude_first_are_refused_as_swapped_and_nothing_is_written()
    {
        var code = Code();
        // Vientiane is at 102.63 E, 17.98 N; latitude first puts it in the Indian Ocean's latitudes of nowhere.
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().CreateNodeAsync(NodeAt(code, 17.98, 102.63), Bearer(Jwg)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("swapped", refused.Status.Detail, StringComparison.Ordinal);
        Assert.False(await service.InDatabaseAsync(db => db.Nodes.AnyAsync(n => n.Code == code)));
    }

    [Fact]
    public async Task A_position_outside_the_region_is_refused_with_the_region_named()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().CreateNodeAsync(NodeAt(Code(), 2.35, 48.85), Bearer(Jwg)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("outside the Lancang-Mekong region", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_intersecting_path_and_a_path_far_from_its_nodes_are_refused_by_field()
    {
        var network = await BuildAsync(service.Client());
        var code = Code();
        var loop = new CreateLinkRequest
        {
            Code = code, Name = "Loop", Mode = LinkMode.Road, Status = LinkStatus.Operational, FromNode = network.A, ToNode = network.B,
            Path =
            {
                new Position { Longitude = 100, Latitude = 10 }, new Position { Longitude = 100.5, Latitude = 11.5 },
                new Position { Longitude = 100.5, Latitude = 10.5 }, new Position { Longitude = 99.9, Latitude = 11.5 },
                new Position { Longitude = 100, Latitude = 12 },
            },
        };
        var far = loop.Clone();
        far.Path.Clear();
        far.Path.Add(new Position { Longitude = 101, Latitude = 10 });
        far.Path.Add(new Position { Longitude = 100, Latitude = 12 });

        var crossesItself = await Assert.ThrowsAsync<RpcException>(() => service.Client().CreateLinkAsync(loop, Bearer(Jwg)).ResponseAsync);
        var startsFar = await Assert.ThrowsAsync<RpcException>(() => service.Client().CreateLinkAsync(far, Bearer(Jwg)).ResponseAsync);

        Assert.Contains("crosses itself", crossesItself.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("starts 109", startsFar.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("path", await Refusals.FieldsOf(() => service.Client().CreateLinkAsync(far, Bearer(Jwg)).ResponseAsync));
        Assert.False(await service.InDatabaseAsync(db => db.Links.AnyAsync(l => l.Code == code)));
    }

    [Fact]
    public async Task A_rail_link_without_a_gauge_and_a_power_link_without_capacity_are_refused()
    {
        var network = await BuildAsync(service.Client());
        var rail = new CreateLinkRequest
        {
            Code = Code(), Name = "Rail", Mode = LinkMode.Rail, Status = LinkStatus.Planned, FromNode = network.A, ToNode = network.X1,
        };
        var power = new CreateLinkRequest
        {
            Code = Code(), Name = "Line", Mode = LinkMode.Power, Status = LinkStatus.Operational, FromNode = network.A, ToNode = network.B,
            VoltageKv = 500,
        };

        Assert.Contains("gauge_mm", await Refusals.FieldsOf(() => service.Client().CreateLinkAsync(rail, Bearer(Jwg)).ResponseAsync));
        Assert.Contains("capacity_mw", await Refusals.FieldsOf(() => service.Client().CreateLinkAsync(power, Bearer(Jwg)).ResponseAsync));
    }

    [Fact]
    public async Task Only_the_JWG_and_the_admin_change_the_network_and_a_secretariat_reads_it()
    {
        var secretariat = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().CreateNodeAsync(NodeAt(Code(), 102.63, 17.98), Bearer(For("TH", LmcRoles.Secretariat))).ResponseAsync);
        var otherJwg = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().CreateNodeAsync(NodeAt(Code(), 102.63, 17.98), Bearer(For("TH", LmcRoles.Jwg("water-resources")))).ResponseAsync);
        var byAdmin = await service.Client().CreateNodeAsync(NodeAt(Code(), 102.63, 17.98), Bearer(For(null, LmcRoles.Admin)));
        var read = await service.Client().GetNodeAsync(new GetNodeRequest { NodeId = byAdmin.Node.Code }, Bearer(For("KH", LmcRoles.Secretariat)));

        Assert.Equal(StatusCode.PermissionDenied, secretariat.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherJwg.StatusCode);
        Assert.Equal(byAdmin.Node.Id, read.Node.Id);
        Assert.Equal(17.98, read.Node.Location.Latitude, 6);
    }

    [Fact]
    public async Task A_side_reports_only_for_itself_and_each_report_moves_the_dwell()
    {
        var network = await BuildAsync(service.Client());

        var foreign = await Assert.ThrowsAsync<RpcException>(() =>
            Report(service.Client(), network.CrossingCode, "TH", Country.La, import: 9, export: 9, period: "2025"));
        var outsider = await Assert.ThrowsAsync<RpcException>(() =>
            Report(service.Client(), network.CrossingCode, "VN", Country.Vn, import: 9, export: 9, period: "2025"));
        var twice = await Assert.ThrowsAsync<RpcException>(() =>
            Report(service.Client(), network.CrossingCode, "TH", Country.Th, import: 9, export: 9, period: "2024"));
        await Report(service.Client(), network.CrossingCode, "TH", Country.Th, import: 1, export: 0.5, period: "2025");
        var crossing = (await service.Client().GetBorderCrossingAsync(new GetBorderCrossingRequest { Crossing = network.CrossingCode },
            Bearer(Jwg))).Crossing;
        var trend = (await service.Client().ListCrossingPerformanceAsync(new ListCrossingPerformanceRequest { Crossing = network.CrossingCode },
            Bearer(Jwg))).Periods;

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, outsider.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(0.5 + 3, crossing.DwellHoursAToB, 3);   // TH's 2025 export + LA's 2024 import
        Assert.Equal(1 + 1, crossing.DwellHoursBToA, 3);     // LA's export + TH's 2025 import
        Assert.Equal("2025", crossing.SideA.Latest.Period);
        Assert.Equal(-1.5, trend.Single(p => p.Period == "2025").ExportMedianChangeHours, 3);
        Assert.Equal(["lmc.connectivity.border-crossing-declared.v1", .. Enumerable.Repeat("lmc.connectivity.crossing-performance-recorded.v1", 3)],
            await service.OutboxEventsOfAsync(Guid.Parse(crossing.Id)));
    }

    [Fact]
    public async Task A_corridor_whose_links_do_not_join_is_refused_and_a_good_one_has_its_figures()
    {
        var network = await BuildAsync(service.Client());

        var gap = await Assert.ThrowsAsync<RpcException>(() => service.Client().CreateCorridorAsync(new CreateCorridorRequest
        {
            Code = Code(), Name = "Gap", Links = { network.RoadAX1, network.RoadX2B },
        }, Bearer(Jwg)).ResponseAsync);
        var corridor = (await service.Client().GetCorridorAsync(new GetCorridorRequest { Corridor = network.Corridor }, Bearer(Jwg))).Corridor;

        Assert.Contains("does not start where", gap.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2 * KmPerDegree, corridor.LengthKm, 0);
        Assert.Equal(1, corridor.OperationalShare, 3);
        Assert.Equal(4, corridor.NodeIds.Count);
        Assert.Equal([LinkMode.Road], corridor.Modes);
    }

    [Fact]
    public async Task Every_layer_is_GeoJSON_with_longitude_first_a_bbox_and_filters()
    {
        var network = await BuildAsync(service.Client());
        var client = service.RestClient(For("TH", LmcRoles.Secretariat));

        using var links = await client.GetAsync("/api/v1/connectivity/collections/links/items?mode=rail&bbox=99.5,9.5,100.5,12.5");
        using var corridors = await client.GetAsync("/api/v1/connectivity/collections/corridors/items");
        using var route = await client.GetAsync($"/api/v1/connectivity/routes/geojson?from={network.A}&to={network.B}&modes=road");
        using var bad = await client.GetAsync("/api/v1/connectivity/collections/links/items?bbox=100,10");

        Assert.Equal("application/geo+json", links.Content.Headers.ContentType?.MediaType);
        using var layer = JsonDocument.Parse(await links.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", layer.RootElement.GetProperty("type").GetString());
        var features = layer.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.Equal("rail", f.GetProperty("properties").GetProperty("mode").GetString());
            Assert.Equal("LineString", f.GetProperty("geometry").GetProperty("type").GetString());
            Assert.All(f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray(), p =>
                Assert.InRange(p[0].GetDouble(), 99.5, 100.5)); // longitude first
        });
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("code").GetString() == network.RailAB);
        var bbox = layer.RootElement.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(4, bbox.Count);
        Assert.True(bbox[0] <= bbox[2] && bbox[1] <= bbox[3]);

        using var corridorLayer = JsonDocument.Parse(await corridors.Content.ReadAsStringAsync());
        var corridor = corridorLayer.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("code").GetString() == network.Corridor);
        Assert.Equal("MultiLineString", corridor.GetProperty("geometry").GetProperty("type").GetString());

        using var routeLayer = JsonDocument.Parse(await route.Content.ReadAsStringAsync());
        var line = routeLayer.RootElement.GetProperty("features")[0];
        Assert.Equal(5, line.GetProperty("properties").GetProperty("dwellHours").GetDouble(), 3);
        var coordinates = line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().ToList();
        Assert.Equal(10, coordinates[0][1].GetDouble(), 6);   // from A...
        Assert.Equal(12, coordinates[^1][1].GetDouble(), 6);  // ...to B

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nodes_are_listed_a_page_at_a_time_in_code_order_each_once()
    {
        var network = await BuildAsync(service.Client());
        var client = service.Client();
        var reader = Bearer(For("TH", LmcRoles.Secretariat));

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await client.ListNodesAsync(new ListNodesRequest { Page = new PageRequest { PageSize = 3, PageToken = token } }, reader);
            Assert.InRange(page.Nodes.Count, 1, 3);
            seen.AddRange(page.Nodes.Select(n => n.Code));
            token = page.Page.NextPageToken;
            pages++;
        }
        while (token != "");

        Assert.True(pages > 1);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Subset(seen.ToHashSet(), new HashSet<string> { network.A, network.X1, network.X2, network.B });
        Assert.Contains("page.page_token", await Refusals.FieldsOf(() =>
            client.ListLinksAsync(new ListLinksRequest { Page = new PageRequest { PageToken = "not a token!" } }, reader).ResponseAsync));

        // Over REST as the README writes it: page.pageSize and page.pageToken in the query string.
        var rest = service.RestClient(For("TH", LmcRoles.Secretariat));
        using var first = JsonDocument.Parse(await rest.GetStringAsync("/api/v1/connectivity/nodes?page.pageSize=2"));
        var next = first.RootElement.GetProperty("page").GetProperty("nextPageToken").GetString();
        using var second = JsonDocument.Parse(await rest.GetStringAsync($"/api/v1/connectivity/nodes?page.pageSize=2&page.pageToken={next}"));
        Assert.Equal(2, first.RootElement.GetProperty("nodes").GetArrayLength());
        Assert.Equal(seen[2], second.RootElement.GetProperty("nodes")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_blank_entry_in_a_list_parameter_and_an_unknown_layer_are_answered_as_problems()
    {
        var network = await BuildAsync(service.Client());
        var client = service.RestClient(For("TH", LmcRoles.Secretariat));

        using var blank = await client.GetAsync($"/api/v1/connectivity/routes/geojson?from={network.A}&to={network.B}&modes=%20");
        using var gap = await client.GetAsync($"/api/v1/connectivity/routes/geojson?from={network.A}&to={network.B}&modes=road,,rail");
        using var unknown = await client.GetAsync("/api/v1/connectivity/collections/rivers/items");

        foreach (var response in new[] { blank, gap })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("modes", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_collections_need_the_read_scope()
    {
        using var response = await service.RestClient(Mint("TH", [LmcRoles.Secretariat], scopes: ["projects:read"]))
            .GetAsync("/api/v1/connectivity/collections");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
