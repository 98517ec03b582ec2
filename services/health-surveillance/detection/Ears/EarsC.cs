using Lmc.HealthSurveillance.Detection.Statistics;

namespace Lmc.HealthSurveillance.Detection.Ears;

/// <summary>
/// CDC EARS C1, C2 and C3 on a contiguous series of periods (weeks here), as DOMAIN.md states
/// them. Period t is an index into the values; only values up to t are read, so evaluating the
/// past (backtesting) gives exactly what would have been seen on the day.
/// </summary>
public static class EarsC
{
    public static EarsResult C1(IReadOnlyList<double> values, int index, EarsParameters? parameters = null) =>
        Evaluate(EarsMethod.C1, values, index, parameters);

    public static EarsResult C2(IReadOnlyList<double> values, int index, EarsParameters? parameters = null) =>
        Evaluate(EarsMethod.C2, values, index, parameters);

    public static EarsResult C3(IReadOnlyList<double> values, int index, EarsParameters? parameters = null) =>
        Evaluate(EarsMethod.C3, values, index, parameters);

    public static EarsResult Evaluate(EarsMethod method, IReadOnlyList<double> values, int index, EarsParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, values.Count);
        parameters ??= EarsParameters.Default;
        parameters.Validate();
        return method switch
        {
            EarsMethod.C1 => Shewhart(EarsMethod.C1, values, index, guardBand: 0, parameters),
            EarsMethod.C2 => Shewhart(EarsMethod.C2, values, index, parameters.GuardBand, parameters),
            EarsMethod.C3 => Cusum(values, index, parameters),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown EARS method."),
        };
    }

    /// <summary>Every period of the series, in order.</summary>
    public static IReadOnlyList<EarsResult> EvaluateAll(EarsMethod method, IReadOnlyList<double> values, EarsParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. Enumerable.Range(0, values.Count).Select(t => Evaluate(method, values, t, parameters))];
    }

    /// <summary>How many periods must precede t: 7 for C1, 9 for C2, 11 for C3 by default.</summary>
    public static int RequiredHistory(EarsMethod method, EarsParameters? parameters = null)
    {
        parameters ??= EarsParameters.Default;
        return method switch
        {
            EarsMethod.C1 => parameters.BaselinePeriods,
            EarsMethod.C2 => parameters.BaselinePeriods + parameters.GuardBand,
            // C2 at t-2, which itself needs BaselinePeriods + GuardBand before it.
            EarsMethod.C3 => parameters.BaselinePeriods + parameters.GuardBand + 2,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown EARS method."),
        };
    }

    // C1 and C2: a Shewhart chart on a short moving baseline ending guardBand periods before t.
    // The guard band keeps the first days of a slow rise out of the baseline it is judged by.
    private static EarsResult Shewhart(EarsMethod method, IReadOnlyList<double> values, int index, int guardBand, EarsParameters parameters)
    {
        var observed = RequireFinite(values, index);
        var required = parameters.BaselinePeriods + guardBand;
        if (index < required)
        {
            return Insufficient(method, index, observed, required, parameters);
        }

        var baseline = new double[parameters.BaselinePeriods];
        for (var i = 0; i < baseline.Length; i++)
        {
            baseline[i] = RequireFinite(values, index - required + i);
        }

        var mean = Descriptive.Mean(baseline);
        var sd = Math.Max(Descriptive.SampleStandardDeviation(baseline), parameters.MinimumStandardDeviation);
        var threshold = mean + parameters.ThresholdMultiplier * sd;
        return new EarsResult(method, index, observed, EvaluationStatus.Evaluated, mean, sd,
            Statistic: (observed - mean) / sd, threshold, Alarm: observed > threshold, parameters);
    }

    // C3 (Hutwagner et al., 2003): C3_t = Σ_{i=t-2..t} max(0, C2_i - 1), C2_i being the C2
    // statistic (x_i - m_i) / s_i with C2's own baseline for period i (i-9..i-3). Subtracting 1
    // keeps ordinary noise (less than one SD above the mean) from accumulating; the sum lets three
    // moderately high periods alarm where no single one crosses C2's m + 3s. The 1 is fixed by the
    // method, so C3 does not depend on ThresholdMultiplier.
    private static EarsResult Cusum(IReadOnlyList<double> values, int index, EarsParameters parameters)
    {
        var observed = RequireFinite(values, index);
        var required = RequiredHistory(EarsMethod.C3, parameters);
        if (index < required)
        {
            return Insufficient(EarsMethod.C3, index, observed, required, parameters);
        }

        var sum = 0d;
        EarsResult current = null!;
        for (var i = index - 2; i <= index; i++)
        {
            current = Shewhart(EarsMethod.C2, values, i, parameters.GuardBand, parameters);
            sum += Math.Max(0, current.Statistic!.Value - 1);
        }

        return new EarsResult(EarsMethod.C3, index, observed, EvaluationStatus.Evaluated,
            current.BaselineMean, current.BaselineStandardDeviation, Statistic: sum,
            Threshold: parameters.C3Threshold, Alarm: sum >= parameters.C3Threshold, parameters);
    }

    private static EarsResult Insufficient(EarsMethod method, int index, double observed, int required, EarsParameters parameters) =>
        new(method, index, observed, EvaluationStatus.InsufficientHistory, null, null, null, null, Alarm: false, parameters,
            Note: $"Insufficient history: {method} needs {required} earlier periods, period {index} has {index}.");

    private static double RequireFinite(IReadOnlyList<double> values, int index)
    {
        var value = values[index];
        return double.IsFinite(value)
            ? value
            : throw new ArgumentException($"Period {index} has the value {value}; values must be finite.", nameof(values));
    }
}
