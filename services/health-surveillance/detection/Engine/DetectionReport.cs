using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>The verdicts on the latest week of a series, one per configured method.</summary>
public sealed record DetectionReport(EpiWeek Week, double Observed, IReadOnlyList<Evaluation> Evaluations)
{
    public bool AnyAlarm => Evaluations.Any(e => e.Alarm);
}
