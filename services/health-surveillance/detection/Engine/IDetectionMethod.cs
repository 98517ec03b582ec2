using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>A detection method that judges the weeks of a series from their past only.</summary>
public interface IDetectionMethod
{
    DetectionMethod Method { get; }

    /// <summary>The verdict on week <paramref name="index"/>, using weeks up to it and no later.</summary>
    Evaluation Evaluate(WeeklySeries series, int index);

    /// <summary>Every week, in order: what <see cref="Evaluate"/> would have said on each.</summary>
    IReadOnlyList<Evaluation> EvaluateAll(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return [.. Enumerable.Range(0, series.Count).Select(i => Evaluate(series, i))];
    }
}
