using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Ears;
using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>
/// Which methods run for a disease, and with what parameters. Stored as JSON with the disease's
/// configuration; members left out of the JSON keep the defaults below.
/// </summary>
public sealed record DetectionSettings
{
    /// <summary>EARS methods to run, in the order their evaluations are reported.</summary>
    public IReadOnlyList<EarsMethod> EarsMethods { get; init; } = [EarsMethod.C1, EarsMethod.C2, EarsMethod.C3];

    public EarsParameters Ears { get; init; } = EarsParameters.Default;

    /// <summary>The endemic channel to run, or null for none (diseases without years of history).</summary>
    public ChannelSettings? EndemicChannel { get; init; }

    /// <summary>Epi years left out of endemic channels because an epidemic would raise the limits.</summary>
    public IReadOnlyList<int> EpidemicYears { get; init; } = [];

    public MissingWeekPolicy MissingWeeks { get; init; } = MissingWeekPolicy.Reject;

    /// <exception cref="ArgumentException">Settings that name no method or hold invalid parameters.</exception>
    public void Validate()
    {
        if (EarsMethods is null || Ears is null || EpidemicYears is null)
        {
            throw new ArgumentException("EarsMethods, Ears and EpidemicYears cannot be null.");
        }

        if (EarsMethods.Count == 0 && EndemicChannel is null)
        {
            throw new ArgumentException("No detection method is configured: name EARS methods, an endemic channel, or both.");
        }

        if (EarsMethods.Distinct().Count() != EarsMethods.Count)
        {
            throw new ArgumentException($"An EARS method is listed twice: {string.Join(", ", EarsMethods)}.");
        }

        Ears.Validate();
        EndemicChannel?.Validate();
    }
}
