using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Series;

/// <summary>One week's count (or rate) for one disease and place.</summary>
public readonly record struct WeeklyValue(EpiWeek Week, double Value);
