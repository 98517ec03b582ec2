using System.Diagnostics;

namespace Lmc.Bench;

public static class Stats
{
    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Nearest-rank percentile of latencies in ms.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static (double P50, double P99, double Mean) Summary(List<double> ms)
    {
        ms.Sort();
        return (Percentile(ms, 50), Percentile(ms, 99), ms.Count == 0 ? double.NaN : ms.Average());
    }
}
