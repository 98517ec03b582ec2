using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Application;

/// <summary>The <c>Surveillance</c> section.</summary>
public sealed class SurveillanceOptions
{
    public const string Section = "Surveillance";

    /// <summary>
    /// Signals in weeks older than this many weeks before the current one are recorded (they are
    /// history, visible in the signal list and backtests) but open no alert and publish no event:
    /// a backfill of past years must not page today's focal points.
    /// </summary>
    public int AlertWindowWeeks { get; init; } = 4;

    public bool OpensAlert(EpiWeek signalWeek, DateOnly today) =>
        signalWeek >= EpiWeek.FromDate(today, signalWeek.System).AddWeeks(-AlertWindowWeeks);
}
