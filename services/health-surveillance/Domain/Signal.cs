using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Domain;

/// <summary>
/// A week a method judged abnormal, with the numbers it judged by: the statistic, the threshold it
/// crossed and the method, so a focal point can see why. One per (disease, unit, week, method).
/// </summary>
public sealed class Signal
{
    public Guid Id { get; init; }
    public string Disease { get; init; } = "";
    public string Unit { get; init; } = "";
    public string Country { get; init; } = "";
    public WeekSystem WeekSystem { get; init; }
    public int EpiYear { get; init; }
    public int EpiWeek { get; init; }
    public DateOnly WeekStart { get; init; }
    /// <summary>EARS_C1, EARS_C2, EARS_C3, ENDEMIC_CHANNEL or ANY_CASE.</summary>
    public string Method { get; init; } = "";
    public double Observed { get; init; }
    public double Statistic { get; init; }
    public double Threshold { get; init; }
    public string? Note { get; init; }
    /// <summary>The disease's detection settings as they were, so the signal can be reproduced.</summary>
    public string Parameters { get; init; } = "{}";
    public DateTimeOffset DetectedAt { get; init; }
    public Guid? AlertId { get; set; }

    public string WeekLabel => EpiWeekLabel(WeekSystem, EpiYear, EpiWeek);

    public static string EpiWeekLabel(WeekSystem system, int year, int week) =>
        Detection.Weeks.EpiWeek.Of(year, week, system).ToString();
}
