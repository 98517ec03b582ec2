using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>
/// The endemic channel of one epi year: for each of its weeks, limits from the same week of
/// earlier non-epidemic years. It carries everything it was built from (settings, years used,
/// years excluded, each week's history), so a persisted channel (System.Text.Json) explains
/// itself. Build one with <see cref="EndemicChannelBuilder"/>.
/// </summary>
/// <param name="Year">The epi year the channel judges.</param>
/// <param name="System">The week system of the channel's weeks and of the history it came from.</param>
/// <param name="Settings">The settings it was built with.</param>
/// <param name="Status">Ready, or InsufficientYears with a <paramref name="Note"/>.</param>
/// <param name="YearsUsed">The earlier years the limits come from, ascending.</param>
/// <param name="YearsExcluded">Earlier years in the history that were skipped as epidemic, ascending.</param>
/// <param name="Weeks">Weeks 1..WeeksInYear(Year) in order; empty unless <see cref="Status"/> is Ready.</param>
/// <param name="Note">Why the channel is not ready; null when it is.</param>
public sealed record EndemicChannel(
    int Year,
    WeekSystem System,
    ChannelSettings Settings,
    ChannelStatus Status,
    IReadOnlyList<int> YearsUsed,
    IReadOnlyList<int> YearsExcluded,
    IReadOnlyList<ChannelWeek> Weeks,
    string? Note = null)
{
    /// <summary>The channel for <paramref name="week"/>, or null when the channel is not ready.</summary>
    public ChannelWeek? ForWeek(EpiWeek week)
    {
        if (week.Year != Year || week.System != System)
        {
            throw new ArgumentException($"The {System} channel of {Year} cannot judge {week}.", nameof(week));
        }

        return Weeks.FirstOrDefault(w => w.Week == week.Week);
    }

    /// <summary>The upper limit for <paramref name="week"/>, or null when the channel is not ready.</summary>
    public double? UpperLimit(EpiWeek week) => ForWeek(week)?.Upper;

    public ChannelZone Classify(EpiWeek week, double value) => ForWeek(week)?.Classify(value) ?? ChannelZone.Unknown;
}
