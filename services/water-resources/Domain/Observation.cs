namespace Lmc.WaterResources.Domain;

/// <summary>
/// The value a station's datastream (station and observed property) has at one time, in the property's unit. Only
/// the latest version is kept here; a correction moves the value it replaces to <see cref="ObservationRevision"/>.
/// Bulk series are written with COPY (Data/ObservationStore), not one entity at a time.
/// </summary>
public sealed record Observation(
    string StationCode,
    string Property,
    DateTimeOffset Time,
    double Value,
    int Version,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string RecordedBySubject);

/// <summary>A value an observation had before a correction replaced it.</summary>
public sealed record ObservationRevision(
    string StationCode,
    string Property,
    DateTimeOffset Time,
    int Version,
    double Value,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string RecordedBySubject,
    DateTimeOffset SupersededAt);

/// <summary>One reading of a series to be recorded.</summary>
public readonly record struct Reading(DateTimeOffset Time, double Value);
