using Lmc.HealthSurveillance.Detection.Statistics;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Channels;

public static class EndemicChannelBuilder
{
    /// <summary>
    /// Builds the channel of <paramref name="year"/> from the same weeks of the most recent
    /// earlier years that are not epidemic: at most MaximumYears of them, and no channel (status
    /// InsufficientYears, with a note) when fewer than MinimumYears remain. An epidemic year is
    /// skipped and the next earlier one taken instead, so exclusions do not shorten the history
    /// while older years exist.
    /// </summary>
    /// <param name="year">The epi year the channel will judge.</param>
    /// <param name="system">The week system of both the history and the channel.</param>
    /// <param name="history">
    /// Epi year → values by week (index 0 is week 1). A year that is used must have exactly
    /// WeeksInYear(year) values; years at or after <paramref name="year"/> are ignored.
    /// </param>
    /// <param name="settings"><see cref="ChannelSettings.Default"/> when null.</param>
    /// <param name="epidemicYears">Years to leave out because an epidemic would raise the limits.</param>
    /// <remarks>
    /// Week 53: few years have one (ISO: 2015, 2020, 2026), so week 53's history takes, for each
    /// year used, its own week 53 when it has one and its week 52 otherwise: the adjacent week is
    /// the closest stand-in for the same season, and it keeps week 53 on the same number of years
    /// as every other week. The years that lent week 52 are listed in that week's YearsFromWeek52.
    /// </remarks>
    public static EndemicChannel Build(
        int year,
        WeekSystem system,
        IReadOnlyDictionary<int, IReadOnlyList<double>> history,
        ChannelSettings? settings = null,
        IEnumerable<int>? epidemicYears = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        settings ??= ChannelSettings.Default;
        settings.Validate();
        var weeksInYear = EpiWeek.WeeksInYear(year, system);
        var epidemic = (epidemicYears ?? []).ToHashSet();

        var earlier = history.Keys.Where(y => y < year).OrderDescending().ToList();
        var excluded = earlier.Where(epidemic.Contains).Order().ToList();
        var used = earlier.Where(y => !epidemic.Contains(y)).Take(settings.MaximumYears).Order().ToList();
        if (used.Count < settings.MinimumYears)
        {
            var note = $"Insufficient history: {used.Count} non-epidemic year(s) before {year} ({string.Join(", ", used)}); the channel needs at least {settings.MinimumYears}.";
            return new EndemicChannel(year, system, settings, ChannelStatus.InsufficientYears, used, excluded, [], note);
        }

        foreach (var y in used)
        {
            CheckYear(y, system, history);
        }

        var weeks = new List<ChannelWeek>(weeksInYear);
        for (var week = 1; week <= weeksInYear; week++)
        {
            var values = used.Select(y => ValueOf(history[y], week)).ToArray();
            var fromWeek52 = week == 53 ? used.Where(y => history[y].Count < 53).ToArray() : [];
            weeks.Add(Limits(week, values, fromWeek52, settings));
        }

        return new EndemicChannel(year, system, settings, ChannelStatus.Ready, used, excluded, weeks);
    }

    private static double ValueOf(IReadOnlyList<double> weeks, int week) =>
        week <= weeks.Count ? weeks[week - 1] : weeks[51];

    private static ChannelWeek Limits(int week, double[] values, int[] fromWeek52, ChannelSettings settings)
    {
        var k = settings.Multiplier;
        switch (settings.Variant)
        {
            case ChannelVariant.Quartiles:
                return new ChannelWeek(week,
                    Descriptive.Quantile(values, 0.25), Descriptive.Quantile(values, 0.5), Descriptive.Quantile(values, 0.75),
                    values, fromWeek52);
            case ChannelVariant.MeanStandardDeviation:
            {
                var mean = Descriptive.Mean(values);
                var sd = Descriptive.SampleStandardDeviation(values);
                // Counts cannot be negative: a lower limit below 0 only means "no success zone".
                return new ChannelWeek(week, Math.Max(0, mean - k * sd), mean, mean + k * sd, values, fromWeek52);
            }
            case ChannelVariant.Geometric:
            {
                // log(x + 1) so that weeks with 0 cases stay defined.
                var logs = values.Select(double.LogP1).ToArray();
                var mean = Descriptive.Mean(logs);
                var sd = Descriptive.SampleStandardDeviation(logs);
                return new ChannelWeek(week,
                    Math.Max(0, double.ExpM1(mean - k * sd)), double.ExpM1(mean), double.ExpM1(mean + k * sd),
                    values, fromWeek52);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Variant, "Unknown channel variant.");
        }
    }

    private static void CheckYear(int year, WeekSystem system, IReadOnlyDictionary<int, IReadOnlyList<double>> history)
    {
        var values = history[year];
        var expected = EpiWeek.WeeksInYear(year, system);
        if (values is null || values.Count != expected)
        {
            throw new ArgumentException($"The history of {year} has {values?.Count ?? 0} weeks; {system} {year} has {expected}.", nameof(history));
        }

        if (values.Any(v => !double.IsFinite(v) || v < 0))
        {
            throw new ArgumentException($"The history of {year} has a negative or non-finite value.", nameof(history));
        }
    }
}
