using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Connectivity.V1;
using static Lmc.Testing.TestTokens;
using static Lmc.Connectivity.Tests.TestNetwork;

namespace Lmc.Connectivity.Tests;

/// <summary>Routes and criticality on the hand-worked network of <see cref="TestNetwork"/>, answered by pgRouting.</summary>
[Collection(ConnectivityServiceGroup.Name)]
public sealed class RoutingTests(ConnectivityServiceFactory service)
{
    private const double Rail = 2 * KmPerDegree / 40;                       // 5.5598 h
    private const double RoadTravel = KmPerDegree / 50 + 0.01 * KmPerDegree / 10 + 0.99 * KmPerDegree / 50; // 4.5368 h
    private static readonly global::Grpc.Core.Metadata Reader = Bearer(For("TH", LmcRoles.Secretariat));

    [Fact]
    public async Task The_fastest_route_takes_the_railway_which_crosses_no_checkpoint()
    {
        var network = await BuildAsync(service.Client());

        var route = (await service.Client().FindRoutesAsync(new FindRoutesRequest { From = network.A, To = network.B }, Reader)).Routes.Single();

        Assert.Equal(Rail, route.TotalHours, 3);
        Assert.Equal(network.RailAB, Assert.Single(route.Legs).LinkCode);
        Assert.Equal(0, route.BorderCrossings);
        Assert.Equal(2 * KmPerDegree, route.LengthKm, 2);
    }

    [Fact]
    public async Task By_road_the_dwell_of_the_direction_travelled_is_added_at_the_crossing()
    {
        var network = await BuildAsync(service.Client());
        var roads = new FindRoutesRequest { From = network.A, To = network.B, Modes = { LinkMode.Road } };

        var thToLa = (await service.Client().FindRoutesAsync(roads, Reader)).Routes.Single();
        roads.From = network.B;
        roads.To = network.A;
        var laToTh = (await service.Client().FindRoutesAsync(roads, Reader)).Routes.Single();

        Assert.Equal([network.RoadAX1, network.Crossing, network.RoadX2B], thToLa.Legs.Select(l => l.LinkCode));
        Assert.Equal(5, thToLa.DwellHours, 3);               // TH export 2 + LA import 3
        Assert.Equal(RoadTravel + 5, thToLa.TotalHours, 3);  // 9.537
        Assert.Equal(5, thToLa.Legs[1].DwellHours, 3);
        Assert.Equal(1, thToLa.BorderCrossings);
        Assert.Equal(2.5, laToTh.DwellHours, 3);             // LA export 1 + TH import 1.5
        Assert.Equal(RoadTravel + 2.5, laToTh.TotalHours, 3);
        Assert.Equal([network.RoadX2B, network.Crossing, network.RoadAX1], laToTh.Legs.Select(l => l.LinkCode));
    }

    [Fact]
    public async Task Alternatives_come_best_first_and_a_what_if_closure_is_avoided()
    {
        var network = await BuildAsync(service.Client());

        var three = (await service.Client().FindRoutesAsync(
            new FindRoutesRequest { From = network.A, To = network.B, Alternatives = 3 }, Reader)).Routes;
        var withoutRail = (await service.Client().FindRoutesAsync(
            new FindRoutesRequest { From = network.A, To = network.B, ClosedLinks = { network.RailAB } }, Reader)).Routes.Single();

        // Alternatives differ in the nodes they pass (Yen's algorithm): the old road joins the same two nodes as the
        // new one, so it is no third route; only the faster of two parallel links counts.
        Assert.Equal([1, 2], three.Select(r => r.Rank));
        Assert.Equal(Rail, three[0].TotalHours, 3);
        Assert.Equal(RoadTravel + 5, three[1].TotalHours, 3);
        Assert.Equal(network.RoadAX1, three[1].Legs[0].LinkCode);
        Assert.Equal(RoadTravel + 5, withoutRail.TotalHours, 3);
    }

    [Fact]
    public async Task The_least_cost_route_prices_each_mode_per_tonne_km()
    {
        var network = await BuildAsync(service.Client());

        var cheapest = (await service.Client().FindRoutesAsync(
            new FindRoutesRequest { From = network.A, To = network.B, Metric = RouteMetric.Cost, Alternatives = 2 }, Reader)).Routes;

        Assert.Equal(2 * KmPerDegree * 0.05, cheapest[0].CostUsdPerTonne, 1);   // rail's default 0.05 USD/t-km
        Assert.Equal(2 * KmPerDegree * 0.10, cheapest[1].CostUsdPerTonne, 1);   // road's 0.10
    }

    [Fact]
    public async Task A_link_closed_by_the_JWG_is_avoided_until_it_reopens_and_each_change_is_one_event()
    {
        var network = await BuildAsync(service.Client());
        var jwg = Bearer(Jwg);

        var closed = (await service.Client().ChangeLinkStatusAsync(new ChangeLinkStatusRequest
        {
            LinkId = network.RailAB, Status = LinkStatus.Closed, Reason = "Landslide at km 80",
        }, jwg)).Link;
        var whileClosed = (await service.Client().FindRoutesAsync(new FindRoutesRequest { From = network.A, To = network.B }, Reader)).Routes.Single();
        await service.Client().ChangeLinkStatusAsync(new ChangeLinkStatusRequest
        {
            LinkId = network.RailAB, Status = LinkStatus.Operational, Reason = "Cleared", ExpectedVersion = closed.Version,
        }, jwg);
        var reopened = (await service.Client().FindRoutesAsync(new FindRoutesRequest { From = network.A, To = network.B }, Reader)).Routes.Single();

        Assert.Equal(RoadTravel + 5, whileClosed.TotalHours, 3);
        Assert.Equal(Rail, reopened.TotalHours, 3);
        Assert.Equal(["lmc.connectivity.link-added.v1", "lmc.connectivity.link-closed.v1", "lmc.connectivity.link-reopened.v1"],
            await service.OutboxEventsOfAsync(Guid.Parse(closed.Id)));
    }

    [Fact]
    public async Task Criticality_ranks_the_links_that_disconnect_the_corridor_before_the_one_with_a_slower_bypass()
    {
        var network = await BuildAsync(service.Client());

        var report = await service.Client().RankCriticalLinksAsync(new RankCriticalLinksRequest
        {
            Corridor = network.Corridor, Modes = { LinkMode.Road },
        }, Reader);

        Assert.Equal(RoadTravel + 5, Assert.Single(report.Baselines).Value, 3);
        Assert.Equal([network.Crossing, network.RoadX2B, network.RoadAX1], report.Links.Select(l => l.LinkCode));
        Assert.Equal([1, 1, 0], report.Links.Select(l => l.PairsDisconnected));
        Assert.Equal(KmPerDegree / 25 - KmPerDegree / 50, report.Links[2].Added, 3); // the old road's 2.224 h more
    }

    [Fact]
    public async Task A_route_over_power_links_or_between_one_node_is_refused_by_field()
    {
        var network = await BuildAsync(service.Client());

        var power = await Lmc.Testing.Refusals.FieldsOf(() => service.Client().FindRoutesAsync(
            new FindRoutesRequest { From = network.A, To = network.B, Modes = { LinkMode.Power } }, Reader).ResponseAsync);
        var same = await Lmc.Testing.Refusals.FieldsOf(() => service.Client().FindRoutesAsync(
            new FindRoutesRequest { From = network.A, To = network.A }, Reader).ResponseAsync);

        Assert.Contains("modes", power);
        Assert.Contains("to", same);
    }
}
