using Lmc.WaterResources.Domain;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// The status and warning rules at their edges, on Nakhon Phanom's MRC levels (alarm 11.5 m, flood 12.0 m) with a
/// drought level of 2.0 m over 7 days and a rapid rise of 1.0 m in 24 hours.
/// </summary>
public sealed class StatusRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 8, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly StationInfo Station = new(
        "LMC-NAK",
        "Nakhon Phanom",
        "TH",
        "Mekong",
        "mainstream",
        17.62,
        104.52,
        null,
        "gauge",
        "NAK",
        ["water-level"],
        ["TH-48", "LA-KH"],
        25,
        new ShippedLevels(11.5, 12.0),
        [],
        "test");

    private static readonly LevelSet Levels =
        LevelSet.Create(Station, 1, "2025-01-01", 11.5, 12.0, 2.0, 1.0, 7, "test", "TH", Now);

    private static Evaluation Judge(
        double level, double? change = 0, DateTimeOffset? belowSince = null, (double, DateOnly)? forecast = null) =>
        StatusRules.Evaluate(new StationRecord(level, Now, change, belowSince, forecast), Levels);

    [Fact]
    public void A_level_exactly_at_the_flood_level_has_reached_it_an_alarm_not_a_flood()
    {
        var at = Judge(12.0);

        Assert.Equal(StationStatus.Alarm, at.Status);
        Assert.DoesNotContain(WarningKind.Flood, at.Conditions);
        Assert.Contains("reached the flood level", at.AlarmReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_millimetre_above_the_flood_level_is_a_flood_which_supersedes_the_alarm()
    {
        var above = Judge(12.001);

        Assert.Equal(StationStatus.Flood, above.Status);
        Assert.Equal([WarningKind.Flood], above.Conditions);
    }

    [Fact]
    public void Floating_point_noise_below_a_millimetre_does_not_cross_a_level() =>
        Assert.Equal(StationStatus.Alarm, Judge(11.9 + 0.1).Status);

    [Theory]
    [InlineData(11.499, StationStatus.Stable)]
    [InlineData(11.5, StationStatus.Alarm)]
    public void The_countrys_alarm_level_reached_is_an_alarm(double level, StationStatus expected) =>
        Assert.Equal(expected, Judge(level).Status);

    [Fact]
    public void A_forecast_reaching_the_flood_level_within_three_days_is_an_alarm_with_its_date()
    {
        var forecast = Judge(10.0, 0.2, forecast: (12.0, new DateOnly(2025, 8, 23)));

        Assert.Equal(StationStatus.Alarm, forecast.Status);
        Assert.Contains("forecast to be reached by 2025-08-23", forecast.AlarmReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forecast_staying_below_the_flood_level_leaves_the_station_rising() =>
        Assert.Equal(StationStatus.Rising, Judge(10.0, 0.2, forecast: (11.99, new DateOnly(2025, 8, 22))).Status);

    [Theory]
    [InlineData(0.051, StationStatus.Rising)]
    [InlineData(0.05, StationStatus.Stable)]
    [InlineData(-0.05, StationStatus.Stable)]
    [InlineData(-0.051, StationStatus.Falling)]
    public void The_24_hour_change_sets_rising_stable_or_falling(double change, StationStatus expected) =>
        Assert.Equal(expected, Judge(8.0, change).Status);

    [Fact]
    public void Without_a_level_24_hours_before_the_trend_is_unknown() =>
        Assert.Equal(StationStatus.Unknown, Judge(8.0, null).Status);

    [Fact]
    public void A_rise_of_exactly_the_threshold_in_24_hours_is_a_rapid_rise_beside_the_status()
    {
        var rise = Judge(9.0, 1.0);

        Assert.Contains(WarningKind.RapidRise, rise.Conditions);
        Assert.Equal(StationStatus.Rising, rise.Status);
        Assert.DoesNotContain(WarningKind.RapidRise, Judge(9.0, 0.999).Conditions);
    }

    [Fact]
    public void A_drought_needs_the_whole_window_below_the_drought_level()
    {
        Assert.Equal(StationStatus.Drought, Judge(1.9, 0, belowSince: Now.AddDays(-7)).Status);
        Assert.NotEqual(StationStatus.Drought, Judge(1.9, 0, belowSince: Now.AddDays(-7).AddMinutes(1)).Status);
        Assert.NotEqual(StationStatus.Drought, Judge(2.0, 0, belowSince: Now.AddDays(-30)).Status);
    }

    [Fact]
    public void The_version_in_force_is_the_latest_dated_on_or_before_the_day_and_the_newest_of_that_date()
    {
        var v1 = LevelSet.Create(Station, 1, "2025-01-01", 11.5, 12.0, null, null, 0, "decree 1", "TH", Now);
        var v2 = LevelSet.Create(Station, 2, "2025-08-15", 11.0, 11.8, null, null, 0, "decree 2", "TH", Now);
        var v3 = LevelSet.Create(Station, 3, "2025-08-15", 11.0, 11.7, null, null, 0, "decree 2, corrected", "TH", Now);
        List<LevelSet> versions = [LevelSet.Shipped(Station), v1, v2, v3];

        Assert.Equal(0, LevelSet.InForce(versions, new DateOnly(2024, 12, 31)).Version);
        Assert.Equal(1, LevelSet.InForce(versions, new DateOnly(2025, 8, 14)).Version);
        Assert.Equal(3, LevelSet.InForce(versions, new DateOnly(2025, 8, 15)).Version);
    }
}
