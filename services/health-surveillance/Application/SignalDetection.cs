using System.Collections.Concurrent;
using Lmc.HealthSurveillance.Detection;
using Lmc.HealthSurveillance.Detection.Engine;
using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;
using Lmc.HealthSurveillance.Domain;

namespace Lmc.HealthSurveillance.Application;

/// <summary>A week the engine (or the any-case rule) judged abnormal.</summary>
public sealed record DetectedSignal(EpiWeek Week, string Method, double Observed, double Statistic, double Threshold, string? Note);

/// <summary>
/// Runs a disease's configured methods over a unit's weekly series and keeps the alarms in the
/// weeks asked about. Rare diseases whose every case matters (cholera, H5N1) signal on any case;
/// below the disease's minimum count a statistical alarm is not raised, so that 1 case after 0
/// does not page a focal point for dengue.
/// </summary>
public sealed class SignalDetection
{
    private readonly ConcurrentDictionary<string, ThresholdEngine> _engines = new(StringComparer.Ordinal);

    public IReadOnlyList<DetectedSignal> Detect(DiseaseDefinition disease, IReadOnlyList<WeeklyValue> history, IReadOnlySet<EpiWeek> weeks) =>
        Analyse(disease, history, weeks).Signals;

    /// <summary>The signals in the weeks asked about, and the outbreak episodes, from one run over the whole history.</summary>
    public (IReadOnlyList<DetectedSignal> Signals, IReadOnlyList<OutbreakEpisode> Outbreaks) Analyse(
        DiseaseDefinition disease, IReadOnlyList<WeeklyValue> history, IReadOnlySet<EpiWeek> weeks)
    {
        if (history.Count == 0)
        {
            return ([], []);
        }

        if (disease.AnyCaseIsSignal)
        {
            var floor = Math.Max(1, disease.MinimumCases);
            return ([.. history.Where(v => weeks.Contains(v.Week) && v.Value >= floor)
                .Select(v => new DetectedSignal(v.Week, AnyCase, v.Value, v.Value, floor - 1, $"{disease.Name}: every case is a signal."))], []);
        }

        if (disease.Settings.EarsMethods.Count == 0 && disease.Settings.EndemicChannel is null)
        {
            return ([], []);
        }

        var engine = _engines.GetOrAdd(disease.Code, _ => new ThresholdEngine(disease.Settings));
        var report = engine.Backtest(history);
        return ([.. report.Signals.Where(e => weeks.Contains(e.Week) && e.Observed >= disease.MinimumCases)
            .Select(e => new DetectedSignal(e.Week, MethodName(e.Method), e.Observed, e.Statistic ?? e.Observed, e.Threshold ?? 0, e.Note))], report.Outbreaks);
    }

    /// <summary>The method name of a signal that any case raises (cholera, H5N1, ...).</summary>
    public const string AnyCase = "ANY_CASE";

    public static string MethodName(DetectionMethod method) => method switch
    {
        DetectionMethod.EarsC1 => "EARS_C1",
        DetectionMethod.EarsC2 => "EARS_C2",
        DetectionMethod.EarsC3 => "EARS_C3",
        _ => "ENDEMIC_CHANNEL",
    };
}
