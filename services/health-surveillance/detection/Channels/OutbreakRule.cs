using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>
/// DOMAIN.md's common rule: an outbreak starts after two consecutive weeks above the channel's
/// upper limit (Q3 or mean + kSD) and ends after two consecutive weeks below it.
/// </summary>
/// <remarks>
/// "Above" is strictly greater than the limit (the epidemic zone); "below" is everything else,
/// the limit included, so every week with a limit counts one way or the other. A week without a
/// limit (channel not built) counts neither way and breaks both runs: two weeks are consecutive
/// only if both were judged. One week below inside an outbreak does not end it.
/// </remarks>
public static class OutbreakRule
{
    public const int ConsecutiveWeeks = 2;

    /// <summary>Outbreaks in a series that lies within the channel's year.</summary>
    /// <exception cref="ArgumentException">A week outside the channel's year, or a gap.</exception>
    public static IReadOnlyList<OutbreakEpisode> FindEpisodes(IEnumerable<WeeklyValue> series, EndemicChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return FindEpisodes(series, channel.UpperLimit);
    }

    /// <summary>
    /// Outbreaks in a series that may span several years, each week judged against the limit
    /// <paramref name="upperLimit"/> gives (null when there is none).
    /// </summary>
    /// <exception cref="ArgumentException">The weeks are not contiguous and ascending.</exception>
    public static IReadOnlyList<OutbreakEpisode> FindEpisodes(IEnumerable<WeeklyValue> series, Func<EpiWeek, double?> upperLimit)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(upperLimit);
        var episodes = new List<OutbreakEpisode>();
        EpiWeek? previous = null, runStart = null, lastAbove = null, start = null, declared = null;
        int above = 0, below = 0;
        foreach (var (week, value) in series)
        {
            if (previous is { } p && week != p.Next())
            {
                throw new ArgumentException($"{week} follows {p}; the series must be contiguous and in order.", nameof(series));
            }

            previous = week;
            if (upperLimit(week) is not { } limit)
            {
                above = below = 0;
                continue;
            }

            if (value > limit)
            {
                runStart = above == 0 ? week : runStart;
                above++;
                below = 0;
                lastAbove = week;
            }
            else
            {
                below++;
                above = 0;
            }

            if (declared is null && above == ConsecutiveWeeks)
            {
                (start, declared) = (runStart, week);
            }
            else if (declared is not null && below == ConsecutiveWeeks)
            {
                episodes.Add(new OutbreakEpisode(start!.Value, declared.Value, lastAbove, week));
                (start, declared) = (null, null);
            }
        }

        if (declared is not null)
        {
            episodes.Add(new OutbreakEpisode(start!.Value, declared.Value, null, null));
        }

        return episodes;
    }
}
