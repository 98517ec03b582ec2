using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Application;
using Lmc.Connectivity.Domain;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Lmc.Connectivity.Features;

/// <summary>
/// The network as GeoJSON features (RFC 7946): WGS 84 positions, longitude first, each feature with an id and its
/// properties as lower-case words. One place builds them, for the collections and for routes.
/// </summary>
public static class GeoJsonLayers
{
    public static Feature Of(Node node) => new(node.Location, new AttributesTable(new Dictionary<string, object?>
    {
        ["id"] = node.Id, ["code"] = node.Code, ["name"] = node.Name, ["kind"] = Words.Of(node.Kind), ["country"] = node.Country,
    }));

    /// <summary>A link; <paramref name="atRisk"/> when an active flood warning's reach holds it.</summary>
    public static Feature Of(Link link, bool atRisk) => new(link.Path, new AttributesTable(new Dictionary<string, object?>
    {
        ["atRisk"] = atRisk,
        ["id"] = link.Id, ["code"] = link.Code, ["name"] = link.Name, ["mode"] = Words.Of(link.Mode), ["status"] = Words.Of(link.Status),
        ["fromNodeId"] = link.FromNodeId, ["toNodeId"] = link.ToNodeId, ["lengthKm"] = link.LengthKm,
        ["ownerCountries"] = link.OwnerCountries, ["routeNumber"] = link.RouteNumber, ["gaugeMm"] = link.GaugeMm,
        ["navigableClass"] = link.NavigableClass, ["voltageKv"] = link.VoltageKv, ["capacityMw"] = link.CapacityMw,
        ["capacityGbps"] = link.CapacityGbps, ["openedOn"] = link.OpenedOn?.ToString("yyyy-MM-dd"),
    }));

    /// <summary>A corridor as one MultiLineString of its links, in order.</summary>
    public static Feature Of(CorridorView view, IReadOnlyDictionary<Guid, Link> links) => new(
        Geo.Factory.CreateMultiLineString([.. view.Corridor.LinkIds.Select(id => links[id].Path)]),
        new AttributesTable(new Dictionary<string, object?>
        {
            ["id"] = view.Corridor.Id, ["code"] = view.Corridor.Code, ["name"] = view.Corridor.Name,
            ["description"] = view.Corridor.Description, ["lengthKm"] = view.Figures.LengthKm,
            ["modes"] = view.Figures.Modes.Select(Words.Of).ToArray(), ["operationalShare"] = view.Figures.OperationalShare,
            ["linkIds"] = view.Corridor.LinkIds,
        }));

    /// <summary>A crossing at the middle of its link, with both sides' hours, windows and the dwell each way.</summary>
    public static Feature Of(CrossingView view, Link link) => new(link.Path.InteriorPoint is { IsEmpty: false } p ? p : link.Path.StartPoint,
        new AttributesTable(new Dictionary<string, object?>
        {
            ["id"] = view.Crossing.Id, ["code"] = view.Crossing.Code, ["name"] = view.Crossing.Name, ["linkId"] = link.Id,
            ["countryA"] = view.Crossing.CountryA, ["countryB"] = view.Crossing.CountryB, ["sideA"] = view.SideA.Name,
            ["sideB"] = view.SideB.Name, ["openingHoursA"] = view.Crossing.OpeningHoursA, ["openingHoursB"] = view.Crossing.OpeningHoursB,
            ["singleWindowA"] = Words.Of(view.Crossing.SingleWindowA), ["singleWindowB"] = Words.Of(view.Crossing.SingleWindowB),
            ["dwellHoursAToB"] = view.Crossing.DwellHoursAToB, ["dwellHoursBToA"] = view.Crossing.DwellHoursBToA,
            ["openedOn"] = view.Crossing.OpenedOn?.ToString("yyyy-MM-dd"),
        }));

    /// <summary>A route as one LineString from origin to destination, each leg in the direction travelled.</summary>
    public static Feature Of(RoutePlan route)
    {
        var coordinates = new List<Coordinate>();
        foreach (var leg in route.Legs)
        {
            var points = leg.Link.Path.Coordinates;
            var ordered = leg.FromNodeId == leg.Link.FromNodeId ? points : [.. points.Reverse()];
            coordinates.AddRange(coordinates.Count == 0 ? ordered : ordered.Skip(1));
        }

        return new Feature(Geo.Factory.CreateLineString([.. coordinates]), new AttributesTable(new Dictionary<string, object?>
        {
            ["rank"] = route.Rank, ["lengthKm"] = Math.Round(route.LengthKm, 3), ["travelHours"] = Math.Round(route.TravelHours, 3),
            ["dwellHours"] = Math.Round(route.DwellHours, 3), ["totalHours"] = Math.Round(route.TotalHours, 3),
            ["costUsdPerTonne"] = Math.Round(route.CostUsdPerTonne, 2), ["borderCrossings"] = route.BorderCrossings,
            ["linkCodes"] = route.Legs.Select(l => l.Link.Code).ToArray(), ["nodeIds"] = route.NodeIds,
        }));
    }

    /// <summary>RFC 7946's bbox of a collection: [west, south, east, north]; none when it is empty.</summary>
    public static Envelope? Bounds(IEnumerable<Feature> features)
    {
        var envelope = new Envelope();
        foreach (var feature in features)
        {
            envelope.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        return envelope.IsNull ? null : envelope;
    }
}
