using Lmc.Contracts.HealthSurveillance.V1;
using Microsoft.EntityFrameworkCore;
using static Lmc.HealthSurveillance.Tests.SurveillanceServiceFactory;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>The engine runs on ingest: signals carry their statistic, threshold and method, and open an alert.</summary>
[Collection(SurveillanceServiceGroup.Name)]
public sealed class DetectionTests(SurveillanceServiceFactory service)
{
    private readonly HealthSurveillanceService.HealthSurveillanceServiceClient _client = service.Client();

    [Fact]
    public async Task A_surge_after_a_steady_baseline_raises_ears_signals_once_and_opens_one_alert()
    {
        var steady = new SubmitWeeklyReportsRequest { Values = { Steady("dengue", "KH-2", 2025, 20, 20) } };
        Assert.Empty((await _client.SubmitWeeklyReportsAsync(steady, FocalPoint("KH"))).Result.Signals);

        var surge = new SubmitWeeklyReportsRequest { Values = { new WeeklyValue { Disease = "dengue", Unit = "KH-2", EpiYear = 2025, EpiWeek = 21, Cases = 40 } } };
        var signals = (await _client.SubmitWeeklyReportsAsync(surge, FocalPoint("KH"))).Result.Signals;
        var again = (await _client.SubmitWeeklyReportsAsync(surge, FocalPoint("KH"))).Result.Signals;

        Assert.Equal(["EARS_C1", "EARS_C2", "EARS_C3"], signals.Select(s => s.Method).Order());
        var c1 = signals.Single(s => s.Method == "EARS_C1");
        // Baseline weeks 14-20 of the 10,11,12 cycle: 11,12,10,11,12,10,11 -> mean 11, sd sqrt(4/6).
        Assert.Equal(40, c1.Observed);
        Assert.Equal(11 + (3 * Math.Sqrt(4.0 / 6)), c1.Threshold, 6);
        Assert.Equal((40 - 11) / Math.Sqrt(4.0 / 6), c1.Statistic, 6);
        Assert.Empty(again);
        Assert.Single(signals.Select(s => s.AlertId).Distinct());
        var alert = (await _client.GetAlertAsync(new GetAlertRequest { AlertId = signals[0].AlertId }, FocalPoint("KH"))).Alert;
        Assert.Equal(AlertStatus.Signal, alert.Status);
        Assert.Equal("2025-W21", alert.FirstWeek);
        Assert.Equal(3, alert.SignalIds.Count);
        Assert.Equal(Enumerable.Repeat("lmc.health-surveillance.signal-raised.v1", 3), await service.EventsOfAsync(alert.Id));
    }

    [Fact]
    public async Task Below_the_diseases_minimum_count_a_statistical_alarm_is_not_a_signal()
    {
        var quiet = new SubmitWeeklyReportsRequest { Values = { Steady("dengue", "KH-3", 2025, 20, 20).Select(v => { v.Cases = 0; return v; }) } };
        await _client.SubmitWeeklyReportsAsync(quiet, FocalPoint("KH"));

        var three = new WeeklyValue { Disease = "dengue", Unit = "KH-3", EpiYear = 2025, EpiWeek = 21, Cases = 3 };
        var signals = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest { Value = three }, FocalPoint("KH"))).Result.Signals;

        Assert.Empty(signals); // dengue's minimum is 5 cases
    }

    [Fact]
    public async Task Any_case_of_cholera_is_a_signal()
    {
        var signals = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest
        {
            Value = new WeeklyValue { Disease = "cholera", Unit = "MM-06", EpiYear = 2025, EpiWeek = 30, Cases = 1 },
        }, FocalPoint("MM"))).Result.Signals;

        Assert.Equal("ANY_CASE", Assert.Single(signals).Method);
    }

    [Fact]
    public async Task The_backtest_finds_a_past_outbreak_by_the_endemic_channel_without_storing_anything()
    {
        // Six years with the same weekly pattern (20-23 cases), then an epidemic in 2025 weeks 30-33.
        var values = new List<WeeklyValue>();
        for (var year = 2019; year <= 2025; year++)
        {
            var weeks = Detection.Weeks.EpiWeek.WeeksInYear(year, Detection.Weeks.WeekSystem.Iso);
            for (var week = 1; week <= weeks; week++)
            {
                var cases = 20 + (week % 4);
                if (year == 2025 && week is >= 30 and <= 33)
                {
                    cases = 90;
                }

                values.Add(new WeeklyValue { Disease = "malaria-falciparum", Unit = "TH-63", EpiYear = year, EpiWeek = week, Cases = cases });
            }
        }

        await _client.SubmitWeeklyReportsAsync(new SubmitWeeklyReportsRequest { Values = { values } }, FocalPoint("TH"));
        var signalsBefore = await service.InDatabaseAsync(db => db.Signals.CountAsync(s => s.Unit == "TH-63"));

        var backtest = await _client.RunBacktestAsync(new RunBacktestRequest { Disease = "malaria-falciparum", Unit = "TH-63" }, FocalPoint("LA"));

        var outbreak = Assert.Single(backtest.Outbreaks);
        Assert.Equal("2025-W30", outbreak.Start);
        Assert.Equal("2025-W31", outbreak.Declared);
        Assert.Equal("2025-W33", outbreak.End);
        Assert.Contains(backtest.Signals, s => s.Method == "ENDEMIC_CHANNEL" && s.EpiYear == 2025 && s.EpiWeek == 31);
        Assert.Equal(signalsBefore, await service.InDatabaseAsync(db => db.Signals.CountAsync(s => s.Unit == "TH-63")));
    }
}

/// <summary>A backfill of past years records its signals but pages no one.</summary>
public sealed class AlertWindowTests
{
    private static readonly Application.SurveillanceOptions FourWeeks = new() { AlertWindowWeeks = 4 };

    [Theory]
    [InlineData(2026, 48, true)] // the current week (Sunday 29 November 2026 is in 2026-W48)
    [InlineData(2026, 44, true)] // four weeks back
    [InlineData(2026, 43, false)]
    [InlineData(2019, 30, false)]
    public void Only_signals_within_the_window_open_alerts(int year, int week, bool opens) =>
        Assert.Equal(opens, FourWeeks.OpensAlert(Detection.Weeks.EpiWeek.Of(year, week, Detection.Weeks.WeekSystem.Iso), new DateOnly(2026, 11, 29)));

    [Fact]
    public void The_window_crosses_new_year_in_53_week_years()
    {
        // 2026 has 53 ISO weeks: on 2027-01-06 (2027-W01) four weeks back is 2026-W50.
        Assert.True(FourWeeks.OpensAlert(Detection.Weeks.EpiWeek.Of(2026, 50, Detection.Weeks.WeekSystem.Iso), new DateOnly(2027, 1, 6)));
        Assert.False(FourWeeks.OpensAlert(Detection.Weeks.EpiWeek.Of(2026, 49, Detection.Weeks.WeekSystem.Iso), new DateOnly(2027, 1, 6)));
    }
}
