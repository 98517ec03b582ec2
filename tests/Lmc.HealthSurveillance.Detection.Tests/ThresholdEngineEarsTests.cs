using Lmc.HealthSurveillance.Detection.Ears;
using Lmc.HealthSurveillance.Detection.Engine;
using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class ThresholdEngineEarsTests
{
    private const double Precision = 12;

    // The C3 series of EarsC3Tests on ISO 2024-W01..W12: x_0..x_11.
    private static readonly double[] Values = [3, 7, 3, 5, 7, 3, 7, 3, 7, 9, 6, 10];

    private static EpiWeek W(int week) => EpiWeek.Of(2024, week, WeekSystem.Iso);

    private static IEnumerable<WeeklyValue> Observations() => Values.Select((v, i) => new WeeklyValue(W(i + 1), v));

    [Fact]
    public void On_ingest_the_latest_week_is_judged_by_every_configured_method()
    {
        var report = new ThresholdEngine(new DetectionSettings()).EvaluateLatest(Observations());

        Assert.Equal(W(12), report.Week);
        Assert.Equal(10, report.Observed);
        Assert.Equal([DetectionMethod.EarsC1, DetectionMethod.EarsC2, DetectionMethod.EarsC3], report.Evaluations.Select(e => e.Method));
        Assert.All(report.Evaluations, e => Assert.Equal(W(12), e.Week));

        // C1, baseline W05..W11 = 7, 3, 7, 3, 7, 9, 6: sum 42, m = 6; deviations 1, -3, 1, -3, 1, 3, 0,
        // squares 30, variance 30/6 = 5. Threshold 6 + 3√5 = 12.708; statistic 4/√5 = 1.789.
        var c1 = report.Evaluations[0];
        Assert.Equal(6 + 3 * Math.Sqrt(5), c1.Threshold!.Value, Precision);
        Assert.Equal(4 / Math.Sqrt(5), c1.Statistic!.Value, Precision);
        Assert.False(c1.Alarm);
        // C2: m = 5, s = 2, threshold 11, statistic 2.5. C3: 1 + 0 + 1.5 = 2.5 ≥ 2.
        Assert.Equal((11d, 2.5, false), (report.Evaluations[1].Threshold!.Value, report.Evaluations[1].Statistic!.Value, report.Evaluations[1].Alarm));
        Assert.Equal((2d, 2.5, true), (report.Evaluations[2].Threshold!.Value, report.Evaluations[2].Statistic!.Value, report.Evaluations[2].Alarm));
        Assert.True(report.AnyAlarm);
    }

    [Fact]
    public void A_backtest_returns_every_week_and_only_the_alarms_as_signals()
    {
        // C1 is judged from W08, C2 from W10, C3 at W12 only; none of C1's or C2's thresholds is
        // crossed (the largest statistic is C2's 2.5 at W12), so C3 at W12 is the one signal.
        var backtest = new ThresholdEngine(new DetectionSettings()).Backtest(Observations());

        Assert.Equal((W(1), W(12)), (backtest.From, backtest.To));
        Assert.Equal(36, backtest.Evaluations.Count);
        Assert.Equal(7 + 9 + 11, backtest.Evaluations.Count(e => e.Status == EvaluationStatus.InsufficientHistory));
        var signal = Assert.Single(backtest.Signals);
        Assert.Equal((DetectionMethod.EarsC3, W(12), 2.5, 2d), (signal.Method, signal.Week, signal.Statistic!.Value, signal.Threshold!.Value));
        Assert.Empty(backtest.Outbreaks);
    }

    [Fact]
    public void A_backtest_lists_evaluations_by_week_then_method()
    {
        var settings = new DetectionSettings { EarsMethods = [EarsMethod.C2, EarsMethod.C1] };

        var evaluations = new ThresholdEngine(settings).Backtest(Observations()).Evaluations;

        Assert.Equal((W(1), DetectionMethod.EarsC2), (evaluations[0].Week, evaluations[0].Method));
        Assert.Equal((W(1), DetectionMethod.EarsC1), (evaluations[1].Week, evaluations[1].Method));
        Assert.Equal((W(2), DetectionMethod.EarsC2), (evaluations[2].Week, evaluations[2].Method));
    }

    [Fact]
    public void Configured_parameters_reach_the_methods()
    {
        // k = 2: C2's threshold at W12 is 5 + 2 × 2 = 9 < 10.
        var settings = new DetectionSettings { EarsMethods = [EarsMethod.C2], Ears = new EarsParameters(ThresholdMultiplier: 2) };

        var c2 = Assert.Single(new ThresholdEngine(settings).EvaluateLatest(Observations()).Evaluations);

        Assert.Equal(9, c2.Threshold!.Value, Precision);
        Assert.True(c2.Alarm);
    }

    [Fact]
    public void A_missing_week_is_refused_unless_the_settings_treat_it_as_zero()
    {
        var gapped = Observations().Where(o => o.Week != W(5)).ToList();

        Assert.Throws<ArgumentException>(() => new ThresholdEngine(new DetectionSettings()).EvaluateLatest(gapped));

        // As 0, W05 enters C1's baseline at W12 (W05..W11): 0, 3, 7, 3, 7, 9, 6, sum 35, m = 5;
        // deviations -5, -2, 2, -2, 2, 4, 1, squares 25 + 4 + 4 + 4 + 4 + 16 + 1 = 58, variance 58/6.
        var report = new ThresholdEngine(new DetectionSettings { MissingWeeks = MissingWeekPolicy.TreatAsZero }).EvaluateLatest(gapped);
        Assert.Equal(W(12), report.Week);
        Assert.Equal(5 + 3 * Math.Sqrt(58d / 6), report.Evaluations[0].Threshold!.Value, Precision);
        Assert.Equal(5 / Math.Sqrt(58d / 6), report.Evaluations[0].Statistic!.Value, Precision);
    }

    [Fact]
    public void Settings_without_any_method_are_refused() =>
        Assert.Throws<ArgumentException>(() => new ThresholdEngine(new DetectionSettings { EarsMethods = [] }));

    [Fact]
    public void A_method_listed_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ThresholdEngine(new DetectionSettings { EarsMethods = [EarsMethod.C1, EarsMethod.C1] }));
}
