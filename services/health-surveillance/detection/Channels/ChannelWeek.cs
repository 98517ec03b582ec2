namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>The channel for one epi week.</summary>
/// <param name="Week">The epi week number, 1 to 53.</param>
/// <param name="Lower">Q1, or mean - kSD (arithmetic or geometric) floored at 0.</param>
/// <param name="Centre">The median, the mean, or the geometric mean exp(mean log(x+1)) - 1.</param>
/// <param name="Upper">Q3 or mean + kSD: the limit the outbreak rule compares against.</param>
/// <param name="History">The earlier years' values the limits come from, in the order of the channel's YearsUsed.</param>
/// <param name="YearsFromWeek52">For week 53 only: years that had no week 53 and lent their week 52 instead.</param>
public sealed record ChannelWeek(
    int Week,
    double Lower,
    double Centre,
    double Upper,
    IReadOnlyList<double> History,
    IReadOnlyList<int> YearsFromWeek52)
{
    /// <inheritdoc cref="ChannelZone"/>
    public ChannelZone Classify(double value)
    {
        if (value < Lower)
        {
            return ChannelZone.Success;
        }

        if (value <= Centre)
        {
            return ChannelZone.Safety;
        }

        return value <= Upper ? ChannelZone.Alert : ChannelZone.Epidemic;
    }
}
