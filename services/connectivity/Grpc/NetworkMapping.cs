using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Connectivity.Application;
using Proto = Lmc.Contracts.Connectivity.V1;
using Domain = Lmc.Connectivity.Domain;

namespace Lmc.Connectivity.Grpc;

/// <summary>Domain to proto and back; enums cast (same numbers, checked by the architecture tests).</summary>
internal static class NetworkMapping
{
    public static Proto.Node ToProto(Domain.Node node) => new()
    {
        Id = node.Id.ToString(),
        Code = node.Code,
        Name = node.Name,
        Kind = (Proto.NodeKind)node.Kind,
        Country = CommonMapping.ToCountry(node.Country),
        Location = new Proto.Position { Longitude = node.Location.X, Latitude = node.Location.Y },
    };

    public static Proto.Link ToProto(Domain.Link link)
    {
        var proto = new Proto.Link
        {
            Id = link.Id.ToString(),
            Code = link.Code,
            Name = link.Name,
            Mode = (Proto.LinkMode)link.Mode,
            Status = (Proto.LinkStatus)link.Status,
            FromNodeId = link.FromNodeId.ToString(),
            ToNodeId = link.ToNodeId.ToString(),
            LengthKm = link.LengthKm,
            RouteNumber = link.RouteNumber ?? "",
            GaugeMm = link.GaugeMm ?? 0,
            NavigableClass = link.NavigableClass ?? "",
            VoltageKv = link.VoltageKv ?? 0,
            CapacityMw = link.CapacityMw ?? 0,
            CapacityGbps = link.CapacityGbps ?? 0,
            SpeedKmh = link.SpeedKmh,
            CostUsdPerTonneKm = link.CostUsdPerTonneKm,
            OpenedOn = link.OpenedOn?.ToIsoDate() ?? "",
            PlannedCompletion = link.PlannedCompletion?.ToIsoDate() ?? "",
            StatusReason = link.StatusReason ?? "",
            Version = link.Version,
        };
        proto.Path.AddRange(link.Path.Coordinates.Select(c => new Proto.Position { Longitude = c.X, Latitude = c.Y }));
        proto.OwnerCountries.AddRange(link.OwnerCountries.Select(CommonMapping.ToCountry));
        proto.ProjectIds.AddRange(link.ProjectIds.Select(id => id.ToString()));
        return proto;
    }

    public static Proto.Corridor ToProto(CorridorView view)
    {
        var proto = new Proto.Corridor
        {
            Id = view.Corridor.Id.ToString(),
            Code = view.Corridor.Code,
            Name = view.Corridor.Name,
            Description = view.Corridor.Description,
            LengthKm = view.Figures.LengthKm,
            OperationalShare = view.Figures.OperationalShare,
        };
        proto.LinkIds.AddRange(view.Corridor.LinkIds.Select(id => id.ToString()));
        proto.NodeIds.AddRange(view.Corridor.NodeIds.Select(id => id.ToString()));
        proto.Modes.AddRange(view.Figures.Modes.Select(m => (Proto.LinkMode)m));
        proto.ProjectIds.AddRange(view.Figures.ProjectIds.Select(id => id.ToString()));
        foreach (var (status, count) in view.Figures.LinksByStatus)
        {
            proto.LinksByStatus[Words.Of(status)] = count;
        }

        return proto;
    }

    public static Proto.BorderCrossing ToProto(CrossingView view) => new()
    {
        Id = view.Crossing.Id.ToString(),
        Code = view.Crossing.Code,
        Name = view.Crossing.Name,
        LinkId = view.Crossing.LinkId.ToString(),
        SideA = Side(view.SideA, view.Crossing.OpeningHoursA, view.Crossing.SingleWindowA, view.LatestA),
        SideB = Side(view.SideB, view.Crossing.OpeningHoursB, view.Crossing.SingleWindowB, view.LatestB),
        OpenedOn = view.Crossing.OpenedOn?.ToIsoDate() ?? "",
        DwellHoursAToB = view.Crossing.DwellHoursAToB,
        DwellHoursBToA = view.Crossing.DwellHoursBToA,
    };

    public static Proto.CrossingPerformance ToProto(Domain.CrossingPerformance p, double? importChange = null, double? exportChange = null)
    {
        var proto = new Proto.CrossingPerformance
        {
            CrossingId = p.CrossingId.ToString(),
            Country = CommonMapping.ToCountry(p.Country),
            Period = p.Period,
            Import = ToProto(p.Import),
            Export = ToProto(p.Export),
            Transit = ToProto(p.Transit),
        };
        if (importChange is { } i)
        {
            proto.ImportMedianChangeHours = i;
        }

        if (exportChange is { } e)
        {
            proto.ExportMedianChangeHours = e;
        }

        return proto;
    }

    public static Domain.ClearanceTimes FromProto(Proto.ClearanceTimes? times) =>
        times is null ? new(0, 0, 0) : new(times.MedianHours, times.P90Hours, times.Declarations);

    public static Proto.Route ToProto(RoutePlan route)
    {
        var proto = new Proto.Route
        {
            Rank = route.Rank,
            LengthKm = Math.Round(route.LengthKm, 3),
            TravelHours = Math.Round(route.TravelHours, 3),
            DwellHours = Math.Round(route.DwellHours, 3),
            TotalHours = Math.Round(route.TotalHours, 3),
            CostUsdPerTonne = Math.Round(route.CostUsdPerTonne, 2),
            BorderCrossings = route.BorderCrossings,
        };
        proto.NodeIds.AddRange(route.NodeIds.Select(id => id.ToString()));
        proto.Legs.AddRange(route.Legs.Select(leg => new Proto.RouteLeg
        {
            LinkId = leg.Link.Id.ToString(),
            LinkCode = leg.Link.Code,
            Name = leg.Link.Name,
            Mode = (Proto.LinkMode)leg.Link.Mode,
            FromNodeId = leg.FromNodeId.ToString(),
            ToNodeId = leg.ToNodeId.ToString(),
            LengthKm = leg.Link.LengthKm,
            TravelHours = Math.Round(leg.TravelHours, 3),
            DwellHours = leg.DwellHours,
            CostUsdPerTonne = Math.Round(leg.CostUsdPerTonne, 2),
            BorderCrossingId = leg.CrossingId?.ToString() ?? "",
        }));
        return proto;
    }

    public static IReadOnlyList<Domain.LinkMode> Modes(IEnumerable<Proto.LinkMode> modes) =>
        [.. modes.Select(m => m == Proto.LinkMode.Unspecified
            ? throw new ValidationException("modes", "a mode is road, rail, inland waterway or air")
            : (Domain.LinkMode)m)];

    public static Domain.RouteMetric Metric(Proto.RouteMetric metric) =>
        metric == Proto.RouteMetric.Unspecified ? Domain.RouteMetric.Time
        : Enum.IsDefined((Domain.RouteMetric)metric) ? (Domain.RouteMetric)metric
        : throw new ValidationException("metric", "is time, distance or cost");

    /// <summary>The page asked for, keyed by code.</summary>
    public static CodePage Page(Lmc.Contracts.Common.V1.PageRequest? page) => new(PageTokens.ParseText(page?.PageToken), page.PageSize());

    /// <summary>A token for the next page when one more item than the page came back.</summary>
    public static Lmc.Contracts.Common.V1.PageResponse Next<T>(List<T> fetched, CodePage page) where T : Domain.ICoded =>
        new() { NextPageToken = fetched.Count > page.Size ? PageTokens.Of(fetched[page.Size - 1].Code) : "" };

    public static DateOnly? OptionalDate(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Instants.ParseIsoDate(value, field);

    private static Proto.CrossingSide Side(Domain.Node node, string hours, Domain.SingleWindowStatus window, Domain.CrossingPerformance? latest)
    {
        var side = new Proto.CrossingSide
        {
            NodeId = node.Id.ToString(),
            Name = node.Name,
            Country = CommonMapping.ToCountry(node.Country),
            OpeningHours = hours,
            SingleWindow = (Proto.SingleWindowStatus)window,
        };
        if (latest is not null)
        {
            side.Latest = ToProto(latest);
        }

        return side;
    }

    private static Proto.ClearanceTimes ToProto(Domain.ClearanceTimes times) =>
        new() { MedianHours = times.MedianHours, P90Hours = times.P90Hours, Declarations = times.Declarations };
}
