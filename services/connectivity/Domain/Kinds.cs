namespace Lmc.Connectivity.Domain;

// The network's vocabularies; each value has the number of its proto enum (the architecture tests check).

public enum NodeKind
{
    City = 1,
    Seaport = 2,
    RiverPort = 3,
    DryPort = 4,
    Airport = 5,

    /// <summary>One side of a border crossing (its checkpoint); the crossing is the link between two of them.</summary>
    BorderCrossing = 6,
    Substation = 7,
    CableLandingStation = 8,
    RailStation = 9,
}

public enum LinkMode
{
    Road = 1,
    Rail = 2,
    InlandWaterway = 3,
    Air = 4,
    Power = 5,
    Fibre = 6,
}

public enum LinkStatus
{
    Planned = 1,
    UnderConstruction = 2,
    Operational = 3,

    /// <summary>Operational while works go on: routes still use it.</summary>
    Upgrading = 4,
    Closed = 5,
}

public enum SingleWindowStatus
{
    None = 1,
    NationalLive = 2,
    ConnectedRegional = 3,
}

public enum RouteMetric
{
    Time = 1,
    Distance = 2,
    Cost = 3,
}

public static class LinkModes
{
    /// <summary>The modes that carry freight, which routes may use; power and fibre carry energy and data.</summary>
    public static readonly IReadOnlySet<LinkMode> Freight = new HashSet<LinkMode>
        { LinkMode.Road, LinkMode.Rail, LinkMode.InlandWaterway, LinkMode.Air };

    /// <summary>
    /// What a route uses when the caller names no mode: road and rail, whose border formalities the network models as
    /// crossings. A waterway or an air route passes a border at its ports, whose clearance is not modelled yet, so
    /// a caller asks for them by name.
    /// </summary>
    public static readonly IReadOnlyList<LinkMode> DefaultForRoutes = [LinkMode.Road, LinkMode.Rail];

    /// <summary>
    /// Freight speed when the JWG gives a link none: a loaded truck's average on the region's trunk roads with
    /// mountain sections, a freight train on the new standard-gauge lines (the China-Laos railway runs freight at up
    /// to 120 km/h, with stops), a barge on the upper Mekong, a freighter's block speed. Assumptions, overridable per link.
    /// </summary>
    public static double DefaultSpeedKmh(LinkMode mode) => mode switch
    {
        LinkMode.Road => 50,
        LinkMode.Rail => 60,
        LinkMode.InlandWaterway => 12,
        LinkMode.Air => 700,
        _ => 0,
    };

    /// <summary>Freight cost per tonne-km in USD when the JWG gives a link none (assumed order of magnitude by mode).</summary>
    public static double DefaultCostPerTonneKm(LinkMode mode) => mode switch
    {
        LinkMode.Road => 0.10,
        LinkMode.Rail => 0.05,
        LinkMode.InlandWaterway => 0.03,
        LinkMode.Air => 1.00,
        _ => 0,
    };

    /// <summary>Whether a route may use a link in this status: open to traffic.</summary>
    public static bool IsOpen(LinkStatus status) => status is LinkStatus.Operational or LinkStatus.Upgrading;
}

/// <summary>The five strategic areas of the Master Plan on ASEAN Connectivity 2025, which para 21's plan is synergized with.</summary>
public enum StrategicArea
{
    SustainableInfrastructure = 1,
    DigitalInnovation = 2,
    SeamlessLogistics = 3,
    RegulatoryExcellence = 4,
    PeopleMobility = 5,
}
