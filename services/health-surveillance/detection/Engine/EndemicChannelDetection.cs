using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>
/// The endemic channel and the two-week outbreak rule as an <see cref="IDetectionMethod"/>.
/// Each week is judged by the channel of its own epi year, built from the complete earlier years
/// of the same series (the series' first year counts only if it starts at week 1).
/// </summary>
public sealed class EndemicChannelDetection(ChannelSettings settings, IEnumerable<int> epidemicYears) : IDetectionMethod
{
    private readonly ChannelSettings _settings = Validated(settings);
    private readonly int[] _epidemicYears = [.. epidemicYears ?? throw new ArgumentNullException(nameof(epidemicYears))];

    public DetectionMethod Method => DetectionMethod.EndemicChannel;

    // Whether an outbreak is open depends on every earlier week, so even one week's verdict
    // runs the rule from the start of the series (up to that week, never beyond).
    public Evaluation Evaluate(WeeklySeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, series.Count);
        return Run(series, index + 1).Evaluations[index];
    }

    public IReadOnlyList<Evaluation> EvaluateAll(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Run(series, series.Count).Evaluations;
    }

    /// <summary>Every week's verdict and the outbreak episodes from one run of the rule (a backtest needs both).</summary>
    public (IReadOnlyList<Evaluation> Evaluations, IReadOnlyList<OutbreakEpisode> Outbreaks) Analyse(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Run(series, series.Count);
    }

    public IReadOnlyList<OutbreakEpisode> FindOutbreaks(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Run(series, series.Count).Outbreaks;
    }

    /// <summary>The channels the series' weeks are judged by, one per epi year it touches.</summary>
    public IReadOnlyDictionary<int, EndemicChannel> ChannelsFor(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var history = series.CompleteYears();
        return Enumerable.Range(series.Start.Year, series.End.Year - series.Start.Year + 1)
            .ToDictionary(year => year, year => EndemicChannelBuilder.Build(year, series.System, history, _settings, _epidemicYears));
    }

    private (IReadOnlyList<Evaluation> Evaluations, IReadOnlyList<OutbreakEpisode> Outbreaks) Run(WeeklySeries series, int count)
    {
        var channels = ChannelsFor(series);
        var weeks = series.AsWeeklyValues().Take(count).ToList();
        var outbreaks = OutbreakRule.FindEpisodes(weeks, w => channels[w.Year].UpperLimit(w));
        var evaluations = weeks.Select(w =>
        {
            var channel = channels[w.Week.Year];
            if (channel.ForWeek(w.Week) is not { } limits)
            {
                return new Evaluation(Method, w.Week, w.Value, EvaluationStatus.InsufficientHistory, null, null, false, ChannelZone.Unknown, channel.Note);
            }

            var open = outbreaks.FirstOrDefault(o => o.IsOpenIn(w.Week));
            var note = open is null ? null : $"Outbreak from {open.Start}, declared {open.Declared}.";
            return new Evaluation(Method, w.Week, w.Value, EvaluationStatus.Evaluated, w.Value, limits.Upper,
                Alarm: open is not null, limits.Classify(w.Value), note);
        }).ToList();
        return (evaluations, outbreaks);
    }

    private static ChannelSettings Validated(ChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return settings;
    }
}
