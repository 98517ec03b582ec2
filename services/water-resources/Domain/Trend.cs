using MathNet.Numerics.Distributions;

namespace Lmc.WaterResources.Domain;

/// <summary>The Mann-Kendall verdict; the numbers are the proto's.</summary>
public enum TrendDirection
{
    Increasing = 1,
    Decreasing = 2,
    NoTrend = 3,
    TooFewSamples = 4,
}

/// <summary>
/// A parameter's trend over its samples: the Mann-Kendall test's verdict and Sen's slope (units a year).
/// </summary>
public sealed record Trend(TrendDirection Direction, int Samples, double? SlopePerYear, double? PValue, double? Tau);

/// <summary>
/// The Mann-Kendall trend test with Sen's slope, the non-parametric pair water-quality reports use for sparse,
/// skewed series (bimonthly samples with outliers): no distribution is assumed, and ties are corrected for.
/// </summary>
public static class TrendTest
{
    /// <summary>Fewer samples than this (two years of bimonthly sampling) give no verdict.</summary>
    public const int MinimumSamples = 8;

    public const double Significance = 0.05;

    public static Trend Of(IReadOnlyList<(DateTimeOffset Time, double Value)> series)
    {
        var points = series.OrderBy(p => p.Time).ToList();
        var n = points.Count;
        if (n < MinimumSamples)
        {
            return new Trend(TrendDirection.TooFewSamples, n, null, null, null);
        }

        long s = 0;
        var slopes = new List<double>(n * (n - 1) / 2);
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(points[j].Value - points[i].Value);
                var years = (points[j].Time - points[i].Time).TotalDays / 365.25;
                if (years > 0)
                {
                    slopes.Add((points[j].Value - points[i].Value) / years);
                }
            }
        }

        // Variance of S with the correction for tied groups of size t: sum of t(t-1)(2t+5).
        var ties = points.GroupBy(p => p.Value).Select(g => (double)g.Count()).Where(t => t > 1)
            .Sum(t => t * (t - 1) * ((2 * t) + 5));
        var variance = ((n * (n - 1.0) * ((2.0 * n) + 5)) - ties) / 18.0;
        var z = variance <= 0 ? 0 : s switch
        {
            > 0 => (s - 1) / Math.Sqrt(variance),
            < 0 => (s + 1) / Math.Sqrt(variance),
            _ => 0,
        };
        var p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var tau = s / (n * (n - 1) / 2.0);
        var direction = p >= Significance ? TrendDirection.NoTrend
            : s > 0 ? TrendDirection.Increasing : TrendDirection.Decreasing;
        double? slope = slopes.Count == 0 ? null : Median(slopes);
        return new Trend(direction, n, slope, Math.Round(p, 4), Math.Round(tau, 4));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
