using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Ears;
using Lmc.HealthSurveillance.Detection.Engine;
using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class ThresholdEngineChannelTests
{
    private static readonly DetectionSettings ChannelOnly = new() { EarsMethods = [], EndemicChannel = new ChannelSettings() };

    private static EpiWeek W(int week) => EpiWeek.Of(2020, week, WeekSystem.Iso);

    // The standard history (ISO 2015-W01..2019-W52) followed by 2020-W01..W12. 2020's quartile
    // channel has Q1 = median = Q3 = 5 in every week but week 10 (4, 6, 8). W08 and W09 (6) are
    // above 5; W10 (7) is below 8 and W11 (5) is not above 5.
    private static WeeklySeries Series(int weeksOf2020 = 12) => new(
        EpiWeek.Of(2015, 1, WeekSystem.Iso),
        HistoryBuilder.Standard().Flatten().Concat(new double[] { 5, 5, 5, 5, 5, 5, 5, 6, 6, 7, 5, 5 }.Take(weeksOf2020)));

    [Fact]
    public void The_backtest_finds_the_outbreak_and_signals_the_weeks_it_was_open()
    {
        var backtest = new ThresholdEngine(ChannelOnly).Backtest(Series());

        // 2015..2019 is 53 + 4 × 52 = 261 weeks, plus 12.
        Assert.Equal(273, backtest.Evaluations.Count);
        var outbreak = Assert.Single(backtest.Outbreaks);
        Assert.Equal(new OutbreakEpisode(W(8), W(9), W(9), W(11)), outbreak);
        // Open from its declaration (W09) until, excluding, the week it closed (W11).
        Assert.Equal([W(9), W(10)], backtest.Signals.Select(s => s.Week));
        Assert.All(backtest.Signals, s => Assert.Equal(DetectionMethod.EndemicChannel, s.Method));
    }

    [Fact]
    public void Years_without_five_earlier_years_are_not_judged()
    {
        // 2019's channel would come from 2015..2018: four years.
        var evaluations = new ThresholdEngine(ChannelOnly).Backtest(Series()).Evaluations;

        Assert.All(evaluations.Where(e => e.Week.Year < 2020), e =>
        {
            Assert.Equal(EvaluationStatus.InsufficientHistory, e.Status);
            Assert.Equal(ChannelZone.Unknown, e.Zone);
            Assert.False(e.Alarm);
        });
        Assert.Contains("4 non-epidemic year(s) before 2019", evaluations.First(e => e.Week.Year == 2019).Note, StringComparison.Ordinal);
        Assert.All(evaluations.Where(e => e.Week.Year == 2020), e => Assert.Equal(EvaluationStatus.Evaluated, e.Status));
    }

    [Fact]
    public void A_week_inside_an_open_outbreak_alarms_even_in_the_alert_zone()
    {
        // W10: 7 lies between the median 6 and Q3 8, but the outbreak declared at W09 is still open.
        var report = new ThresholdEngine(ChannelOnly).EvaluateLatest(Series(weeksOf2020: 10));
        var channel = Assert.Single(report.Evaluations);

        Assert.Equal(W(10), report.Week);
        Assert.Equal((7d, 8d, ChannelZone.Alert, true), (channel.Statistic!.Value, channel.Threshold!.Value, channel.Zone!.Value, channel.Alarm));
        Assert.Equal("Outbreak from 2020-W08, declared 2020-W09.", channel.Note);
    }

    [Fact]
    public void The_first_week_above_is_not_yet_an_alarm()
    {
        var report = new ThresholdEngine(ChannelOnly).EvaluateLatest(Series(weeksOf2020: 8));
        var channel = Assert.Single(report.Evaluations);

        Assert.Equal((ChannelZone.Epidemic, false), (channel.Zone!.Value, channel.Alarm));
        Assert.False(report.AnyAlarm);
    }

    [Fact]
    public void After_the_closing_week_the_latest_week_is_calm()
    {
        var channel = Assert.Single(new ThresholdEngine(ChannelOnly).EvaluateLatest(Series()).Evaluations);

        // W12: 5, not below Q1 5, not above the median 5: safety.
        Assert.Equal((ChannelZone.Safety, false), (channel.Zone!.Value, channel.Alarm));
    }

    [Fact]
    public void Epidemic_years_in_the_settings_are_left_out_of_the_channel()
    {
        // Without 2016, 2020 has four earlier years: no channel.
        var settings = ChannelOnly with { EpidemicYears = [2016] };

        var channel = Assert.Single(new ThresholdEngine(settings).EvaluateLatest(Series()).Evaluations);

        Assert.Equal(EvaluationStatus.InsufficientHistory, channel.Status);
    }

    [Fact]
    public void Ears_and_the_channel_run_side_by_side()
    {
        var settings = ChannelOnly with { EarsMethods = [EarsMethod.C1] };

        var report = new ThresholdEngine(settings).EvaluateLatest(Series());

        Assert.Equal([DetectionMethod.EarsC1, DetectionMethod.EndemicChannel], report.Evaluations.Select(e => e.Method));
    }
}
