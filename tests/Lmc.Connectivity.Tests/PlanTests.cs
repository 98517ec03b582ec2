using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using static Lmc.Testing.TestTokens;
using static Lmc.Connectivity.Tests.TestNetwork;

namespace Lmc.Connectivity.Tests;

/// <summary>The connectivity plan of para 21: items under MPAC 2025's areas, their targets' progress, and the network they are about.</summary>
[Collection(ConnectivityServiceGroup.Name)]
public sealed class PlanTests(ConnectivityServiceFactory service)
{
    private static readonly Metadata Reader = Bearer(For("KH", LmcRoles.Secretariat));

    private static CreatePlanItemRequest Item(TestNetwork network, string suffix = "-PLAN") => new()
    {
        Code = network.Prefix + suffix, Title = "Faster clearance on the test corridor", Area = StrategicArea.SeamlessLogistics,
        Targets =
        {
            // Falls: hours at the border, 24 in 2019 to 12 by 2025.
            new PlanTarget { Indicator = "Median import release time", Unit = "hours", Baseline = 24, BaselineYear = 2019, Target = 12, TargetYear = 2025 },
            // Rises: a share of declarations lodged through the single window.
            new PlanTarget { Indicator = "Declarations through the single window", Unit = "%", Baseline = 0, BaselineYear = 2019, Target = 100, TargetYear = 2025 },
        },
        Corridors = { network.Corridor },
        Links = { network.RailAB },
    };

    private Task<RecordPlanProgressResponse> Progress(string item, string indicator, double value, string asOf) =>
        service.Client().RecordPlanProgressAsync(new RecordPlanProgressRequest { Item = item, Indicator = indicator, Value = value, AsOf = asOf },
            Bearer(Jwg)).ResponseAsync;

    [Fact]
    public async Task Progress_is_the_share_of_the_way_from_baseline_to_target_whichever_way_the_target_runs()
    {
        var network = await BuildAsync(service.Client());
        var created = (await service.Client().CreatePlanItemAsync(Item(network), Bearer(Jwg))).Item;

        await Progress(created.Code, "median import release time", 18, "2023-12-31");
        var item = (await Progress(created.Code, "Declarations through the single window", 25, "2024-06-30")).Item;

        Assert.Equal(0, created.Progress);
        Assert.Equal(0.5, item.Targets[0].Progress, 4);   // 24 -> 18 of 24 -> 12
        Assert.Equal(0.25, item.Targets[1].Progress, 4);  // 0 -> 25 of 0 -> 100
        Assert.Equal(0.375, item.Progress, 4);
        Assert.Equal(18, item.Targets[0].Latest);
        Assert.Equal("2023-12-31", item.Targets[0].LatestOn);
        Assert.Equal(1, item.NetworkOperationalShare, 4);   // every link of the test network is open
        Assert.Equal([network.Corridor], item.CorridorCodes);
        Assert.Equal(["lmc.connectivity.plan-item-added.v1", "lmc.connectivity.plan-progress-recorded.v1",
            "lmc.connectivity.plan-progress-recorded.v1"], await service.OutboxEventsOfAsync(Guid.Parse(created.Id)));
    }

    [Fact]
    public async Task A_closed_link_lowers_the_share_of_the_items_network_that_is_open()
    {
        var network = await BuildAsync(service.Client());
        var created = (await service.Client().CreatePlanItemAsync(Item(network), Bearer(Jwg))).Item;

        await service.Client().ChangeLinkStatusAsync(new ChangeLinkStatusRequest
        {
            LinkId = network.RailAB, Status = LinkStatus.Closed, Reason = "Flood damage",
        }, Bearer(Jwg));
        var item = (await service.Client().GetPlanItemAsync(new GetPlanItemRequest { Item = created.Code }, Reader)).Item;

        // Open: the corridor's roads, 2 degrees of latitude; closed: the railway, 2 degrees: half the length.
        Assert.Equal(0.5, item.NetworkOperationalShare, 3);
    }

    [Fact]
    public async Task The_plan_shows_every_strategic_area_with_its_items()
    {
        var network = await BuildAsync(service.Client());
        await service.Client().CreatePlanItemAsync(Item(network), Bearer(Jwg));
        var rules = Item(network, "-RULES");
        rules.Area = StrategicArea.RegulatoryExcellence;
        rules.Links.Clear();
        rules.Corridors.Clear();
        var regulatory = (await service.Client().CreatePlanItemAsync(rules, Bearer(Jwg))).Item;

        var plan = await service.Client().GetConnectivityPlanAsync(new GetConnectivityPlanRequest(), Reader);
        var listed = await service.Client().ListPlanItemsAsync(new ListPlanItemsRequest { Area = StrategicArea.SeamlessLogistics }, Reader);

        Assert.Equal([StrategicArea.SustainableInfrastructure, StrategicArea.DigitalInnovation, StrategicArea.SeamlessLogistics,
            StrategicArea.RegulatoryExcellence, StrategicArea.PeopleMobility], plan.Areas.Select(a => a.Area));
        Assert.Contains(plan.Areas[2].Items, i => i.Code == network.Prefix + "-PLAN");
        Assert.All(listed.Items, i => Assert.Equal(StrategicArea.SeamlessLogistics, i.Area));
        Assert.Contains(listed.Items, i => i.Code == network.Prefix + "-PLAN");
        Assert.False(regulatory.HasNetworkOperationalShare); // about no part of the network: no share, not 0
        Assert.Contains(plan.Areas[3].Items, i => i.Code == regulatory.Code);
    }

    [Fact]
    public async Task Bad_items_and_bad_progress_are_refused_by_field_and_only_the_JWG_writes_the_plan()
    {
        var network = await BuildAsync(service.Client());
        var flat = Item(network, "-FLAT");
        flat.Targets[0].Target = 24;
        var nowhere = Item(network, "-NOWHERE");
        nowhere.Links.Add("NO-SUCH-LINK");
        var ghost = Item(network, "-GHOST");
        ghost.ProjectIds.Add(Guid.NewGuid().ToString());
        var real = Item(network, "-FUNDED");
        var project = service.Projects.Add("LA", ProjectStatus.Adopted, PriorityArea.Connectivity);
        real.ProjectIds.Add(project.ToString());

        Assert.Contains("targets[0].target", await Refusals.FieldsOf(() => service.Client().CreatePlanItemAsync(flat, Bearer(Jwg)).ResponseAsync));
        Assert.Contains("links", await Refusals.FieldsOf(() => service.Client().CreatePlanItemAsync(nowhere, Bearer(Jwg)).ResponseAsync));
        Assert.Contains("project_ids", await Refusals.FieldsOf(() => service.Client().CreatePlanItemAsync(ghost, Bearer(Jwg)).ResponseAsync));
        Assert.Contains("area", await Refusals.FieldsOf(() => service.Client().CreatePlanItemAsync(
            new CreatePlanItemRequest(Item(network, "-AREA")) { Area = StrategicArea.Unspecified }, Bearer(Jwg)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() =>
            service.Client().CreatePlanItemAsync(Item(network, "-SECRETARIAT"), Reader).ResponseAsync));
        var funded = (await service.Client().CreatePlanItemAsync(real, Bearer(Jwg))).Item;
        Assert.Equal([project.ToString()], funded.ProjectIds);

        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        await Progress(funded.Code, "Median import release time", 20, "2024-01-31");
        Assert.Contains("as_of", await Refusals.FieldsOf(() => Progress(funded.Code, "Median import release time", 19, tomorrow)));
        Assert.Contains("as_of", await Refusals.FieldsOf(() => Progress(funded.Code, "Median import release time", 19, "2023-01-31")));
        Assert.Contains("indicator", await Refusals.FieldsOf(() => Progress(funded.Code, "Trucks a day", 19, "2024-02-28")));
        Assert.Equal(StatusCode.NotFound, await Refusals.StatusOf(() =>
            service.Client().GetPlanItemAsync(new GetPlanItemRequest { Item = network.Prefix + "-GHOST" }, Reader).ResponseAsync));
    }
}
