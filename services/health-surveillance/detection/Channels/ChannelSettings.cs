namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>How to build an endemic channel; stored with every channel built.</summary>
/// <param name="Variant">Quartiles (the default), mean ± kSD, or geometric mean ± kSD.</param>
/// <param name="Multiplier">k for the SD variants (2). Ignored by quartile channels.</param>
/// <param name="MinimumYears">Fewer non-epidemic earlier years than this and no channel is built (5).</param>
/// <param name="MaximumYears">At most this many of the most recent non-epidemic years are used (7).</param>
/// <param name="QuantileMethod">How quartiles are computed; only type 7 exists, stored so that a change is visible.</param>
public sealed record ChannelSettings(
    ChannelVariant Variant = ChannelVariant.Quartiles,
    double Multiplier = 2,
    int MinimumYears = 5,
    int MaximumYears = 7,
    QuantileMethod QuantileMethod = QuantileMethod.LinearInterpolation)
{
    public static ChannelSettings Default { get; } = new();

    /// <exception cref="ArgumentException">Settings that cannot give a channel.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Variant) || !Enum.IsDefined(QuantileMethod))
        {
            throw new ArgumentException($"Unknown channel variant {Variant} or quantile method {QuantileMethod}.");
        }

        if (!double.IsFinite(Multiplier) || Multiplier <= 0)
        {
            throw new ArgumentException($"Multiplier must be positive; it is {Multiplier}.");
        }

        if (MinimumYears < 2)
        {
            throw new ArgumentException($"MinimumYears must be at least 2 for a spread; it is {MinimumYears}.");
        }

        if (MaximumYears < MinimumYears)
        {
            throw new ArgumentException($"MaximumYears ({MaximumYears}) is below MinimumYears ({MinimumYears}).");
        }
    }
}
