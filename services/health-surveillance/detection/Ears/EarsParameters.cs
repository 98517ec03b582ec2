namespace Lmc.HealthSurveillance.Detection.Ears;

/// <summary>
/// The knobs of the EARS methods. The defaults are the CDC ones in DOMAIN.md.
/// </summary>
/// <param name="ThresholdMultiplier">k in m + k·s for C1 and C2 (3). C3 does not use it.</param>
/// <param name="MinimumStandardDeviation">
/// Floor on the baseline standard deviation, in the series' own units (cases). Without it a
/// flat baseline (s = 0) makes the statistic infinite and any excess, however small, an alarm;
/// the floor keeps the statistic finite. It is absolute rather than a fraction of the mean
/// because the problem is worst when the mean is 0 too (a disease usually absent), where a
/// fraction would still give 0. The default 0.2 puts the C1/C2 threshold at m + 0.6 on a flat
/// baseline, so one case above a flat weekly count still alarms: for counts, any rise over a
/// perfectly stable baseline is worth a look. R's surveillance::earsC has the same floor as
/// minSigma (default 0, i.e. no floor). For rates, set a floor in the rate's units.
/// </param>
/// <param name="C3Threshold">C3 alarms when its sum is at least this (2).</param>
/// <param name="BaselinePeriods">Length of the baseline (7).</param>
/// <param name="GuardBand">Periods between C2's baseline and the current period (2).</param>
public sealed record EarsParameters(
    double ThresholdMultiplier = 3,
    double MinimumStandardDeviation = 0.2,
    double C3Threshold = 2,
    int BaselinePeriods = 7,
    int GuardBand = 2)
{
    public static EarsParameters Default { get; } = new();

    /// <exception cref="ArgumentException">A parameter that would make the methods meaningless.</exception>
    public void Validate()
    {
        if (!double.IsFinite(ThresholdMultiplier) || ThresholdMultiplier <= 0)
        {
            throw new ArgumentException($"ThresholdMultiplier must be positive; it is {ThresholdMultiplier}.");
        }

        if (!double.IsFinite(MinimumStandardDeviation) || MinimumStandardDeviation <= 0)
        {
            throw new ArgumentException($"MinimumStandardDeviation must be positive (it keeps a flat baseline from dividing by zero); it is {MinimumStandardDeviation}.");
        }

        if (!double.IsFinite(C3Threshold) || C3Threshold <= 0)
        {
            throw new ArgumentException($"C3Threshold must be positive; it is {C3Threshold}.");
        }

        if (BaselinePeriods < 2)
        {
            throw new ArgumentException($"BaselinePeriods must be at least 2 for a standard deviation; it is {BaselinePeriods}.");
        }

        if (GuardBand < 0)
        {
            throw new ArgumentException($"GuardBand cannot be negative; it is {GuardBand}.");
        }
    }
}
