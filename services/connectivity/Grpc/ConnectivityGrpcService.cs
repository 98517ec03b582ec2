using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Connectivity.Application;
using Lmc.Connectivity.Domain;
using Lmc.Contracts.Connectivity.V1;
using static Lmc.Connectivity.Grpc.NetworkMapping;
using Domain = Lmc.Connectivity.Domain;
using Proto = Lmc.Contracts.Connectivity.V1;

namespace Lmc.Connectivity.Grpc;

/// <summary>
/// lmc.connectivity.v1.ConnectivityService. Reads need the read scope and writes the write scope, from each RPC's
/// verb (MapLmcGrpcService); who may change the network, and which country reports a crossing side, is checked
/// against the caller before anything else (Stewards): the JWG's members or the admin for the network.
/// </summary>
public sealed class ConnectivityGrpcService(
    NetworkCommands commands, NetworkQueries queries, RouteFinder routes, Criticality criticality, PowerCommands power, PowerQueries energy,
    PlanCommands plan, PlanQueries planQueries)
    : ConnectivityService.ConnectivityServiceBase
{
    private static readonly ServiceCard Card = CardOf(
        ContractAccess.OwnerOf(ConnectivityService.Descriptor, ServiceManifests.FromRepository()));

    public override Task<GetAboutResponse> GetAbout(GetAboutRequest request, ServerCallContext context) =>
        Task.FromResult(new GetAboutResponse
        {
            Name = Card.Name,
            Summary = Card.Summary,
            Owner = Card.Owner,
            ReadScope = Card.ReadScope,
            WriteScope = Card.WriteScope,
        });

    public override async Task<CreateNodeResponse> CreateNode(CreateNodeRequest request, ServerCallContext context)
    {
        var node = await commands.AddNodeAsync(context.Caller(), new NewNode(request.Code, request.Name, (Domain.NodeKind)request.Kind,
            request.Country.ToCode(), request.Location?.Longitude ?? double.NaN, request.Location?.Latitude ?? double.NaN),
            context.CancellationToken);
        return new() { Node = ToProto(node) };
    }

    public override async Task<GetNodeResponse> GetNode(GetNodeRequest request, ServerCallContext context) =>
        new() { Node = ToProto(await queries.NodeAsync(request.NodeId, context.CancellationToken)) };

    public override async Task<ListNodesResponse> ListNodes(ListNodesRequest request, ServerCallContext context)
    {
        var kind = request.Kind == Proto.NodeKind.Unspecified ? (Domain.NodeKind?)null : (Domain.NodeKind)request.Kind;
        var page = Page(request.Page);
        var nodes = await queries.NodesAsync(kind, request.Country.ToCode(), null, context.CancellationToken, page);
        var response = new ListNodesResponse { Page = Next(nodes, page) };
        response.Nodes.AddRange(nodes.Take(page.Size).Select(ToProto));
        return response;
    }

    public override async Task<CreateLinkResponse> CreateLink(CreateLinkRequest request, ServerCallContext context)
    {
        var spec = new LinkSpec(request.Code, request.Name, (Domain.LinkMode)request.Mode, (Domain.LinkStatus)request.Status,
            [.. request.Path.Select(p => (p.Longitude, p.Latitude))],
            [.. request.OwnerCountries.Select(c => c.RequireCode("owner_countries"))],
            request.RouteNumber, request.GaugeMm, request.NavigableClass, request.VoltageKv, request.CapacityMw, request.CapacityGbps,
            request.SpeedKmh, request.CostUsdPerTonneKm, OptionalDate(request.OpenedOn, "opened_on"),
            OptionalDate(request.PlannedCompletion, "planned_completion"));
        var link = await commands.AddLinkAsync(context.Caller(), spec, request.FromNode, request.ToNode, request.ProjectIds,
            context.CancellationToken);
        return new() { Link = ToProto(link) };
    }

    public override async Task<GetLinkResponse> GetLink(GetLinkRequest request, ServerCallContext context) =>
        new() { Link = ToProto(await queries.LinkAsync(request.LinkId, context.CancellationToken)) };

    public override async Task<ListLinksResponse> ListLinks(ListLinksRequest request, ServerCallContext context)
    {
        var mode = request.Mode == Proto.LinkMode.Unspecified ? (Domain.LinkMode?)null : (Domain.LinkMode)request.Mode;
        var status = request.Status == Proto.LinkStatus.Unspecified ? (Domain.LinkStatus?)null : (Domain.LinkStatus)request.Status;
        var page = Page(request.Page);
        var links = await queries.LinksAsync(mode, status, request.Country.ToCode(), null, context.CancellationToken, page);
        var response = new ListLinksResponse { Page = Next(links, page) };
        response.Links.AddRange(links.Take(page.Size).Select(ToProto));
        return response;
    }

    public override async Task<ListLinksAtRiskResponse> ListLinksAtRisk(ListLinksAtRiskRequest request, ServerCallContext context)
    {
        var response = new ListLinksAtRiskResponse();
        foreach (var (link, warnings) in await queries.LinksAtRiskAsync(request.Country.ToCode(), context.CancellationToken))
        {
            var item = new LinkAtRisk { Link = ToProto(link) };
            item.Warnings.AddRange(warnings.Select(w => new FloodRiskWarning
            {
                WarningId = w.WarningId.ToString(),
                Kind = w.Kind,
                StationCode = w.StationCode,
                Headline = w.Headline,
                Since = w.ValidFrom.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }));
            response.Links.Add(item);
        }

        return response;
    }

    public override async Task<ChangeLinkStatusResponse> ChangeLinkStatus(ChangeLinkStatusRequest request, ServerCallContext context)
    {
        var link = await commands.ChangeLinkStatusAsync(context.Caller(), request.LinkId, (Domain.LinkStatus)request.Status, request.Reason,
            OptionalDate(request.EffectiveOn, "effective_on"), request.ExpectedVersion, context.CancellationToken);
        return new() { Link = ToProto(link) };
    }

    public override async Task<SetLinkProjectsResponse> SetLinkProjects(SetLinkProjectsRequest request, ServerCallContext context) =>
        new() { Link = ToProto(await commands.SetLinkProjectsAsync(context.Caller(), request.LinkId, request.ProjectIds, request.ExpectedVersion,
            context.CancellationToken)) };

    public override async Task<CreateCorridorResponse> CreateCorridor(CreateCorridorRequest request, ServerCallContext context)
    {
        var (corridor, links) = await commands.DefineCorridorAsync(context.Caller(), request.Code, request.Name, request.Description,
            [.. request.Links], context.CancellationToken);
        return new() { Corridor = ToProto(new CorridorView(corridor, corridor.Figures(links))) };
    }

    public override async Task<GetCorridorResponse> GetCorridor(GetCorridorRequest request, ServerCallContext context) =>
        new() { Corridor = ToProto(await queries.CorridorAsync(request.Corridor, context.CancellationToken)) };

    public override async Task<ListCorridorsResponse> ListCorridors(ListCorridorsRequest request, ServerCallContext context)
    {
        var page = Page(request.Page);
        var corridors = await queries.CorridorsAsync(context.CancellationToken, page);
        var response = new ListCorridorsResponse { Page = Next([.. corridors.Select(c => c.Corridor)], page) };
        response.Corridors.AddRange(corridors.Take(page.Size).Select(ToProto));
        return response;
    }

    public override async Task<CreateBorderCrossingResponse> CreateBorderCrossing(CreateBorderCrossingRequest request, ServerCallContext context)
    {
        var crossing = await commands.DeclareCrossingAsync(context.Caller(), new NewCrossing(request.Code, request.Name, request.Link,
            OptionalDate(request.OpenedOn, "opened_on"), request.OpeningHoursA, request.OpeningHoursB,
            (Domain.SingleWindowStatus)request.SingleWindowA, (Domain.SingleWindowStatus)request.SingleWindowB), context.CancellationToken);
        return new() { Crossing = ToProto(await queries.CrossingAsync(crossing.Id.ToString(), context.CancellationToken)) };
    }

    public override async Task<GetBorderCrossingResponse> GetBorderCrossing(GetBorderCrossingRequest request, ServerCallContext context) =>
        new() { Crossing = ToProto(await queries.CrossingAsync(request.Crossing, context.CancellationToken)) };

    public override async Task<ListBorderCrossingsResponse> ListBorderCrossings(ListBorderCrossingsRequest request, ServerCallContext context)
    {
        var page = Page(request.Page);
        var crossings = await queries.CrossingsAsync(request.Country.ToCode(), context.CancellationToken, page);
        var response = new ListBorderCrossingsResponse { Page = Next([.. crossings.Select(c => c.Crossing)], page) };
        response.Crossings.AddRange(crossings.Take(page.Size).Select(ToProto));
        return response;
    }

    public override async Task<RecordCrossingPerformanceResponse> RecordCrossingPerformance(RecordCrossingPerformanceRequest request,
        ServerCallContext context)
    {
        var record = await commands.RecordPerformanceAsync(context.Caller(), new NewPerformance(request.Crossing,
            request.Country.RequireCode("country"), request.Period, FromProto(request.Import), FromProto(request.Export),
            FromProto(request.Transit)), context.CancellationToken);
        return new() { Performance = ToProto(record) };
    }

    public override async Task<ListCrossingPerformanceResponse> ListCrossingPerformance(ListCrossingPerformanceRequest request,
        ServerCallContext context)
    {
        var response = new ListCrossingPerformanceResponse();
        response.Periods.AddRange((await queries.PerformanceAsync(request.Crossing, context.CancellationToken))
            .Select(v => ToProto(v.Period, v.ImportMedianChange, v.ExportMedianChange)));
        return response;
    }

    public override async Task<FindRoutesResponse> FindRoutes(FindRoutesRequest request, ServerCallContext context)
    {
        var plans = await routes.FindAsync(new RouteQuery(request.From, request.To, Metric(request.Metric), Modes(request.Modes),
            request.Alternatives, [.. request.ClosedLinks]), context.CancellationToken);
        var response = new FindRoutesResponse();
        response.Routes.AddRange(plans.Select(ToProto));
        return response;
    }

    public override async Task<RankCriticalLinksResponse> RankCriticalLinks(RankCriticalLinksRequest request, ServerCallContext context)
    {
        var metric = Metric(request.Metric);
        var report = await criticality.RankAsync(new CriticalityQuery(request.Corridor, [.. request.Pairs.Select(p => (p.From, p.To))],
            metric, Modes(request.Modes), [.. request.ClosedLinks], request.Top), context.CancellationToken);
        var response = new RankCriticalLinksResponse { Metric = (Proto.RouteMetric)metric };
        response.Baselines.AddRange(report.Baselines.Select(b => new PairBaseline
        {
            FromNodeId = b.From.ToString(), ToNodeId = b.To.ToString(), Value = b.Value,
        }));
        response.Links.AddRange(report.Links.Select(l => new CriticalLink
        {
            Rank = l.Rank, LinkId = l.Link.Id.ToString(), LinkCode = l.Link.Code, Name = l.Link.Name,
            PairsDisconnected = l.PairsDisconnected, Added = l.Added, PairsAffected = l.PairsAffected,
        }));
        return response;
    }

    public override async Task<RecordPowerFlowResponse> RecordPowerFlow(RecordPowerFlowRequest request, ServerCallContext context)
    {
        var (flow, link) = await power.RecordAsync(context.Caller(), new NewPowerFlow(request.Link, request.Month, request.MwhForward,
            request.MwhReverse, request.ExpectedVersion), context.CancellationToken);
        return new() { Flow = PowerMapping.ToProto(new FlowView(flow, link)) };
    }

    public override async Task<ListPowerFlowsResponse> ListPowerFlows(ListPowerFlowsRequest request, ServerCallContext context)
    {
        var response = new ListPowerFlowsResponse();
        response.Flows.AddRange((await energy.FlowsAsync(request.Link, request.FromMonth, request.ToMonth, context.CancellationToken))
            .Select(PowerMapping.ToProto));
        return response;
    }

    public override async Task<GetPowerTradeResponse> GetPowerTrade(GetPowerTradeRequest request, ServerCallContext context) =>
        PowerMapping.ToProto(await energy.TradeAsync(request.FromMonth, request.ToMonth, context.CancellationToken));

    public override async Task<GetFibreCapacityResponse> GetFibreCapacity(GetFibreCapacityRequest request, ServerCallContext context)
    {
        var response = new GetFibreCapacityResponse();
        response.Pairs.AddRange((await energy.FibreAsync(context.CancellationToken)).Select(PowerMapping.ToProto));
        return response;
    }

    public override async Task<CreatePlanItemResponse> CreatePlanItem(CreatePlanItemRequest request, ServerCallContext context)
    {
        var item = await plan.AddAsync(context.Caller(), new NewPlanItem(request.Code, request.Title, PlanMapping.Area(request.Area, "area"),
            request.Description, [.. request.Targets.Select(PlanMapping.FromProto)], [.. request.Links], [.. request.Corridors],
            request.ProjectIds), context.CancellationToken);
        return new() { Item = PlanMapping.ToProto(await planQueries.ItemAsync(item.Id.ToString(), context.CancellationToken)) };
    }

    public override async Task<GetPlanItemResponse> GetPlanItem(GetPlanItemRequest request, ServerCallContext context) =>
        new() { Item = PlanMapping.ToProto(await planQueries.ItemAsync(request.Item, context.CancellationToken)) };

    public override async Task<ListPlanItemsResponse> ListPlanItems(ListPlanItemsRequest request, ServerCallContext context)
    {
        var area = request.Area == Proto.StrategicArea.Unspecified ? (Domain.StrategicArea?)null : PlanMapping.Area(request.Area, "area");
        var response = new ListPlanItemsResponse();
        response.Items.AddRange((await planQueries.ItemsAsync(area, context.CancellationToken)).Select(PlanMapping.ToProto));
        return response;
    }

    public override async Task<RecordPlanProgressResponse> RecordPlanProgress(RecordPlanProgressRequest request, ServerCallContext context)
    {
        var item = await plan.RecordProgressAsync(context.Caller(), request.Item, request.Indicator, request.Value,
            OptionalDate(request.AsOf, "as_of"), request.ExpectedVersion, context.CancellationToken);
        return new() { Item = PlanMapping.ToProto(await planQueries.ItemAsync(item.Id.ToString(), context.CancellationToken)) };
    }

    public override async Task<GetConnectivityPlanResponse> GetConnectivityPlan(GetConnectivityPlanRequest request, ServerCallContext context)
    {
        var response = new GetConnectivityPlanResponse();
        foreach (var area in await planQueries.PlanAsync(context.CancellationToken))
        {
            var summary = new PlanAreaSummary { Area = (Proto.StrategicArea)area.Area, Progress = area.Progress };
            summary.Items.AddRange(area.Items.Select(PlanMapping.ToProto));
            response.Areas.Add(summary);
        }

        return response;
    }

    private static ServiceCard CardOf(ServiceManifest manifest) => new(manifest.Name, manifest.Summary, manifest.Owner);
}
