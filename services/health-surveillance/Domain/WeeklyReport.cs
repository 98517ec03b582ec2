using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Domain;

/// <summary>
/// The current value of one week's aggregate count: (disease, unit, epi week) -> cases, deaths.
/// Weeks are stored as epi year, epi week and week start in the system they were reported in,
/// never as a calendar year. A correction replaces the value and moves the old one to
/// <see cref="ReportRevision"/>; rows are written by the ingest's set-based SQL.
/// </summary>
public sealed class WeeklyReport
{
    public Guid Id { get; init; }
    public string Disease { get; init; } = "";
    public string Unit { get; init; } = "";
    public string Country { get; init; } = "";
    public WeekSystem WeekSystem { get; init; }
    public int EpiYear { get; init; }
    public int EpiWeek { get; init; }
    public DateOnly WeekStart { get; init; }
    public int Cases { get; init; }
    public int Deaths { get; init; }
    public long Version { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string ReportedBy { get; init; } = "";
}

/// <summary>A value a correction replaced: the history of a weekly report, append-only.</summary>
public sealed class ReportRevision
{
    public long Id { get; init; }
    public Guid ReportId { get; init; }
    public long Version { get; init; }
    public int Cases { get; init; }
    public int Deaths { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
}
