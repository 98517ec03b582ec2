using Grpc.Core;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Testing;
using static Lmc.Testing.TestTokens;
using static Lmc.Connectivity.Tests.TestNetwork;

namespace Lmc.Connectivity.Tests;

/// <summary>
/// Power flows over an interconnector from B (Lao PDR) to A (Thailand) of 1,000 MW: April has 720 hours, so the line
/// carries at most 720,000 MWh in it; May has 744. Each test reports months no other test uses, so the trade matrix
/// over its months is its own.
/// </summary>
[Collection(ConnectivityServiceGroup.Name)]
public sealed class PowerTests(ConnectivityServiceFactory service)
{
    private static readonly Metadata Reader = Bearer(For("VN", LmcRoles.Secretariat));

    private async Task<(TestNetwork Network, string Line)> LineAsync(LinkStatus status = LinkStatus.Operational, string? opened = "2015-01-10")
    {
        var network = await BuildAsync(service.Client());
        var line = network.Prefix + "-POWER-B-A";
        await service.Client().CreateLinkAsync(new CreateLinkRequest
        {
            Code = line, Name = "Test 500 kV line", Mode = LinkMode.Power, Status = status, FromNode = network.B, ToNode = network.A,
            VoltageKv = 500, CapacityMw = 1000, OpenedOn = status == LinkStatus.Operational ? opened ?? "" : "",
        }, Bearer(Jwg));
        return (network, line);
    }

    private Task<RecordPowerFlowResponse> Report(string line, string month, double forward, double reverse, string country = "TH",
        long version = 0) =>
        service.Client().RecordPowerFlowAsync(new RecordPowerFlowRequest
        {
            Link = line, Month = month, MwhForward = forward, MwhReverse = reverse, ExpectedVersion = version,
        }, Bearer(For(country, LmcRoles.Secretariat))).ResponseAsync;

    [Fact]
    public async Task A_months_flows_give_utilisation_each_way_and_the_trade_matrix_sums_both_directions_by_country()
    {
        var (_, line) = await LineAsync();

        var april = (await Report(line, "2019-04", 500_000, 20_000, country: "LA")).Flow;
        await Report(line, "2019-05", 600_000, 0);
        var trade = await service.Client().GetPowerTradeAsync(new GetPowerTradeRequest { FromMonth = "2019-04", ToMonth = "2019-05" }, Reader);

        Assert.Equal(Country.La, april.FromCountry);
        Assert.Equal(Country.Th, april.ToCountry);
        Assert.Equal(500_000.0 / 720_000, april.UtilisationForward, 4);
        Assert.Equal(520_000.0 / 720_000, april.Utilisation, 4);
        Assert.Equal(1, april.Version);
        Assert.Equal(["LA>TH 1100000", "TH>LA 20000"], trade.Cells.Select(c => $"{c.Exporter.ToCode()}>{c.Importer.ToCode()} {c.Mwh}"));
        var laos = trade.Countries.Single(c => c.Country == Country.La);
        Assert.Equal(1_080_000, laos.NetExportMwh, 3);
        Assert.Equal(6, trade.Countries.Count);
        var use = trade.Interconnectors.Single(u => u.LinkCode == line);
        Assert.Equal(2, use.MonthsReported);
        Assert.Equal(1_120_000.0 / (1000 * (720 + 744)), use.Utilisation, 4);
    }

    [Fact]
    public async Task A_second_report_of_a_month_is_refused_unless_it_names_the_version_it_corrects_and_each_is_an_event()
    {
        var (_, line) = await LineAsync();
        var first = (await Report(line, "2019-06", 300_000, 0)).Flow;

        var again = await Assert.ThrowsAsync<RpcException>(() => Report(line, "2019-06", 310_000, 0));
        var corrected = (await Report(line, "2019-06", 310_000, 0, version: first.Version)).Flow;
        var stale = await Assert.ThrowsAsync<RpcException>(() => Report(line, "2019-06", 320_000, 0, version: first.Version));
        var listed = await service.Client().ListPowerFlowsAsync(new ListPowerFlowsRequest { Link = line }, Reader);

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(2, corrected.Version);
        Assert.Equal(310_000, listed.Flows.Single().MwhForward);
        var events = await service.OutboxEventsOfAsync(Guid.Parse(first.LinkId));
        Assert.Equal(2, events.Count(e => e == "lmc.connectivity.power-flow-recorded.v1"));
    }

    [Fact]
    public async Task Energy_beyond_the_lines_capacity_a_month_not_over_and_a_road_are_refused_with_the_reason()
    {
        var (network, line) = await LineAsync();
        var thisMonth = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("mwh_forward", await Refusals.FieldsOf(() => Report(line, "2019-04", 720_001, 0)));
        Assert.Contains("mwh_reverse", await Refusals.FieldsOf(() => Report(line, "2019-04", 400_000, 400_000)));
        Assert.Contains("month", await Refusals.FieldsOf(() => Report(line, thisMonth, 1, 0)));
        Assert.Contains("month", await Refusals.FieldsOf(() => Report(line, "April 2019", 1, 0)));
        Assert.Contains("link", await Refusals.FieldsOf(() => Report(network.RailAB, "2019-04", 1, 0)));
        Assert.Equal("power-flow.line-not-open", await Refusals.RuleOf(() => Report(line, "2014-12", 1, 0)));
        Assert.Empty((await service.Client().ListPowerFlowsAsync(new ListPowerFlowsRequest { Link = line }, Reader)).Flows);
    }

    [Fact]
    public async Task Only_a_country_at_either_end_reports_a_lines_flows_and_every_member_reads_them()
    {
        var (_, line) = await LineAsync();

        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => Report(line, "2019-08", 1, 0, country: "VN")));
        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => service.Client().RecordPowerFlowAsync(
            new RecordPowerFlowRequest { Link = line, Month = "2019-08", MwhForward = 1 }, Bearer(For("LA", LmcRoles.HealthFocalPoint))).ResponseAsync));
        await Report(line, "2019-08", 1, 0, country: "TH");
        await Report(line, "2019-09", 1, 0, country: "LA");

        Assert.Equal(2, (await service.Client().ListPowerFlowsAsync(new ListPowerFlowsRequest { Link = line }, Reader)).Flows.Count);
    }

    [Fact]
    public async Task Fibre_between_two_countries_sums_what_is_lit_apart_from_what_is_being_built()
    {
        var network = await BuildAsync(service.Client());
        var jwg = Bearer(Jwg);
        foreach (var (code, status, gbps, to) in new[]
                 {
                     ("-F-LIT", LinkStatus.Operational, 100.0, network.B), ("-F-NEW", LinkStatus.UnderConstruction, 400.0, network.B),
                     ("-F-HOME", LinkStatus.Operational, 800.0, network.X1),
                 })
        {
            await service.Client().CreateLinkAsync(new CreateLinkRequest
            {
                Code = network.Prefix + code, Name = "Test fibre", Mode = LinkMode.Fibre, Status = status, FromNode = network.A, ToNode = to,
                CapacityGbps = gbps,
            }, jwg);
        }

        var pairs = (await service.Client().GetFibreCapacityAsync(new GetFibreCapacityRequest(), Reader)).Pairs;

        var laosThailand = pairs.Single(p => p.CountryA == Country.La && p.CountryB == Country.Th);
        Assert.Contains(network.Prefix + "-F-LIT", laosThailand.LinkCodes);
        Assert.Contains(network.Prefix + "-F-NEW", laosThailand.LinkCodes);
        Assert.DoesNotContain(pairs.SelectMany(p => p.LinkCodes), c => c == network.Prefix + "-F-HOME"); // within Thailand
        // No other test lays fibre in this database.
        Assert.Equal(100, laosThailand.OperationalGbps);
        Assert.Equal(400, laosThailand.PipelineGbps);
    }
}
