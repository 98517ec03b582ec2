namespace Lmc.HealthSurveillance.Detection.Statistics;

/// <summary>The few summary statistics the methods need, written out so each is auditable.</summary>
internal static class Descriptive
{
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 1);
        var sum = 0d;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Count;
    }

    /// <summary>
    /// The sample standard deviation, dividing by n - 1: baselines are small samples of the
    /// process (7 periods, 5 to 7 years), and n - 1 is what EARS, R's sd() and Excel's STDEV.S
    /// use, so results can be checked against them. Two passes (mean first) to avoid the
    /// cancellation of the sum-of-squares shortcut.
    /// </summary>
    public static double SampleStandardDeviation(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 2);
        var mean = Mean(values);
        var squares = 0d;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return Math.Sqrt(squares / (values.Count - 1));
    }

    /// <summary>
    /// Quantile by linear interpolation between closest ranks (Hyndman and Fan type 7, the
    /// default of R's quantile() and Excel's QUARTILE.INC / PERCENTILE.INC): with the values
    /// sorted as x[0..n-1] and h = (n - 1) p, the quantile is x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
    /// </summary>
    public static double Quantile(IReadOnlyList<double> values, double p)
    {
        RequireAtLeast(values, 1);
        if (!(p is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability is between 0 and 1.");
        }

        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    private static void RequireAtLeast(IReadOnlyList<double> values, int count)
    {
        if (values.Count < count)
        {
            throw new ArgumentException($"At least {count} values are needed; {values.Count} given.", nameof(values));
        }
    }
}
