using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Connectivity.Contracts;

// The Connectivity JWG's network as it changes. Enum values travel as lower-case words ("road", "under-construction");
// countries as ISO 3166-1 alpha-2 codes; dates as ISO dates. A status change publishes exactly one event: link-closed
// when a link closes, link-reopened when a closed link opens again, link-status-changed for every other step.

/// <summary>A node joined the network.</summary>
[EventName("lmc.connectivity.node-added.v1")]
public sealed record NodeAdded(
    Guid NodeId, string Code, string Name, string Kind, string Country, double Longitude, double Latitude, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>A link joined the network, in the status it has.</summary>
[EventName("lmc.connectivity.link-added.v1")]
public sealed record LinkAdded(
    Guid LinkId, string Code, string Name, string Mode, string Status, Guid FromNodeId, Guid ToNodeId, double LengthKm,
    IReadOnlyList<string> OwnerCountries, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A link moved along its lifecycle (planned, under construction, operational, upgrading).</summary>
[EventName("lmc.connectivity.link-status-changed.v1")]
public sealed record LinkStatusChanged(
    Guid LinkId, string Code, string PreviousStatus, string Status, string Reason, DateOnly EffectiveOn,
    IReadOnlyList<string> OwnerCountries, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A link closed to traffic (a flood, a landslide, a border closure): routes avoid it from now.</summary>
[EventName("lmc.connectivity.link-closed.v1")]
public sealed record LinkClosed(
    Guid LinkId, string Code, string PreviousStatus, string Reason, DateOnly EffectiveOn, IReadOnlyList<string> OwnerCountries,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A closed link opened again; Status is operational or upgrading.</summary>
[EventName("lmc.connectivity.link-reopened.v1")]
public sealed record LinkReopened(
    Guid LinkId, string Code, string Status, string Reason, DateOnly EffectiveOn, IReadOnlyList<string> OwnerCountries,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A corridor was named, as an ordered path of links from one node to another.</summary>
[EventName("lmc.connectivity.corridor-defined.v1")]
public sealed record CorridorDefined(
    Guid CorridorId, string Code, string Name, IReadOnlyList<Guid> LinkIds, Guid OriginNodeId, Guid DestinationNodeId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A border crossing was declared on a link between two countries' border-crossing nodes.</summary>
[EventName("lmc.connectivity.border-crossing-declared.v1")]
public sealed record BorderCrossingDeclared(
    Guid CrossingId, string Code, string Name, Guid LinkId, string CountryA, string CountryB, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>
/// A side of a crossing reported its clearance times for a period (medians in hours); DwellHours are what a route
/// now adds in each direction.
/// </summary>
[EventName("lmc.connectivity.crossing-performance-recorded.v1")]
public sealed record CrossingPerformanceRecorded(
    Guid CrossingId, string Code, string Country, string Period, double ImportMedianHours, double ExportMedianHours,
    double TransitMedianHours, double DwellHoursAToB, double DwellHoursBToA, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A month of energy over a cross-border interconnector was reported (Version 1) or corrected (Version 2 on):
/// MwhForward from FromCountry to ToCountry, MwhReverse back; Utilisation is both against the capacity's month.
/// </summary>
[EventName("lmc.connectivity.power-flow-recorded.v1")]
public sealed record PowerFlowRecorded(
    Guid LinkId, string Code, string Month, string FromCountry, string ToCountry, double MwhForward, double MwhReverse,
    double CapacityMw, double Utilisation, long Version, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The registry's projects that build or upgrade a link were set (all of them, as they now are).</summary>
[EventName("lmc.connectivity.link-projects-changed.v1")]
public sealed record LinkProjectsChanged(Guid LinkId, string Code, IReadOnlyList<Guid> ProjectIds, long Version, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>An item was added to the connectivity plan under an MPAC 2025 strategic area (Area, e.g. "seamless-logistics").</summary>
[EventName("lmc.connectivity.plan-item-added.v1")]
public sealed record PlanItemAdded(
    Guid ItemId, string Code, string Title, string Area, int Targets, IReadOnlyList<Guid> LinkIds, IReadOnlyList<Guid> CorridorIds,
    IReadOnlyList<Guid> ProjectIds, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A target of a plan item has a new value as of a date; TargetProgress is the share of the way from baseline to
/// target covered (0 to 1), ItemProgress the mean over the item's targets.
/// </summary>
[EventName("lmc.connectivity.plan-progress-recorded.v1")]
public sealed record PlanProgressRecorded(
    Guid ItemId, string Code, string Indicator, string Unit, double Value, DateOnly AsOf, double TargetProgress, double ItemProgress,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A road, rail or waterway link came under a flood warning of water-resources (its reach within 2 km), or the last
/// warning on it was lifted. At risk is not closed: the link keeps its status. The warnings holding it at risk are
/// listed (empty when it is no longer at risk).
/// </summary>
[EventName("lmc.connectivity.link-at-risk-changed.v1")]
public sealed record LinkAtRiskChanged(
    Guid LinkId,
    string Code,
    string Mode,
    bool AtRisk,
    IReadOnlyList<Guid> WarningIds,
    Guid CausedBy,
    string StationCode,
    IReadOnlyList<string> OwnerCountries,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
