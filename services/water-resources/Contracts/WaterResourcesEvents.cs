using Lmc.Contracts.IntegrationEvents;

namespace Lmc.WaterResources.Contracts;

// The Water Resources JWG's warnings and levels as they change. Kinds travel as lower-case words (flood, alarm,
// rapid-rise, drought, urgent-notice); countries as ISO 3166-1 alpha-2 codes; reach units as ISO 3166-2 codes;
// water levels in metres of gauge reading above the station's zero gauge. A warning's id is stable from issue to
// lift.

/// <summary>
/// A warning was issued at a station and delivered to every member country's inbox. The reach it concerns is the
/// circle of ReachRadiusKm around the station (absent where the station's place is unknown) and the ISO 3166-2
/// units along it: what a consumer marks (connectivity's links at risk, health surveillance's units under
/// heightened watch).
/// </summary>
[EventName("lmc.water-resources.warning-issued.v1")]
public sealed record WarningIssued(
    Guid WarningId,
    string Kind,
    string StationCode,
    string StationName,
    string Country,
    string River,
    double ValueM,
    double? ThresholdM,
    int? LevelVersion,
    DateTimeOffset ObservedAt,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    string Headline,
    IReadOnlyList<string> ReachUnits,
    double? Latitude,
    double? Longitude,
    double ReachRadiusKm,
    DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>A warning's condition ended (or an urgent notice's time ran out); consumers clear what it marked.</summary>
[EventName("lmc.water-resources.warning-lifted.v1")]
public sealed record WarningLifted(
    Guid WarningId,
    string Kind,
    string StationCode,
    string Reason,
    double? PeakM,
    IReadOnlyList<string> ReachUnits,
    DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>A member country acknowledged its copy of a warning.</summary>
[EventName("lmc.water-resources.warning-acknowledged.v1")]
public sealed record WarningAcknowledged(
    Guid WarningId, string Kind, string StationCode, string Country, string AcknowledgedBy, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>
/// A member country left its copy of an active warning unacknowledged longer than the service's escalation time;
/// its national focal points' supervisors are to be told (the consumer's part).
/// </summary>
[EventName("lmc.water-resources.warning-escalated.v1")]
public sealed record WarningEscalated(
    Guid WarningId,
    string Kind,
    string StationCode,
    string Country,
    DateTimeOffset DeliveredAt,
    double UnacknowledgedHours,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A station's country set a new version of its levels, in force from ValidFrom.</summary>
[EventName("lmc.water-resources.levels-set.v1")]
public sealed record LevelsSet(
    string StationCode,
    string Country,
    int Version,
    DateOnly ValidFrom,
    double? AlarmM,
    double? FloodM,
    double? DroughtM,
    double? RapidRiseMPer24h,
    int DroughtWindowDays,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
