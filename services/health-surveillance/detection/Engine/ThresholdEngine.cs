using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>
/// Runs a disease's configured methods over its weekly series: on the latest week when data is
/// ingested, or over the whole history to see what would have been signalled (backtest).
/// Stateless between calls and free of I/O.
/// </summary>
public sealed class ThresholdEngine
{
    private readonly EndemicChannelDetection? _channel;

    /// <exception cref="ArgumentException">Invalid settings.</exception>
    public ThresholdEngine(DetectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        var methods = new List<IDetectionMethod>();
        methods.AddRange(settings.EarsMethods.Select(m => new EarsDetection(m, settings.Ears)));
        if (settings.EndemicChannel is { } channel)
        {
            _channel = new EndemicChannelDetection(channel, settings.EpidemicYears);
            methods.Add(_channel);
        }

        Methods = methods;
    }

    public DetectionSettings Settings { get; }

    public IReadOnlyList<IDetectionMethod> Methods { get; }

    /// <summary>Judges the latest reported week. Missing weeks follow <see cref="DetectionSettings.MissingWeeks"/>.</summary>
    public DetectionReport EvaluateLatest(IEnumerable<WeeklyValue> observations) =>
        EvaluateLatest(WeeklySeries.FromObservations(observations, Settings.MissingWeeks));

    public DetectionReport EvaluateLatest(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var last = series.Count - 1;
        return new DetectionReport(series.End, series[last], [.. Methods.Select(m => m.Evaluate(series, last))]);
    }

    /// <summary>Judges every week of the history as it would have been judged on the day.</summary>
    public BacktestReport Backtest(IEnumerable<WeeklyValue> observations) =>
        Backtest(WeeklySeries.FromObservations(observations, Settings.MissingWeeks));

    public BacktestReport Backtest(WeeklySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        // The channel's verdicts and its outbreaks come from one run of the rule, not two.
        var analysis = _channel?.Analyse(series);
        var byMethod = Methods.Select(m => m == _channel ? analysis!.Value.Evaluations : m.EvaluateAll(series)).ToList();
        var evaluations = Enumerable.Range(0, series.Count).SelectMany(i => byMethod.Select(results => results[i])).ToList();
        IReadOnlyList<OutbreakEpisode> outbreaks = analysis?.Outbreaks ?? [];
        return new BacktestReport(series.Start, series.End, evaluations, [.. evaluations.Where(e => e.Alarm)], outbreaks);
    }
}
