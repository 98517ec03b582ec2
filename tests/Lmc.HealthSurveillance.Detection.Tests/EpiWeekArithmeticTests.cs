using System.Text.Json;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EpiWeekArithmeticTests
{
    [Theory]
    [InlineData(WeekSystem.Iso)]
    [InlineData(WeekSystem.Mmwr)]
    public void Every_week_from_2015_to_2030_round_trips_through_its_start_and_end(WeekSystem system)
    {
        for (var year = 2015; year <= 2030; year++)
        {
            for (var week = 1; week <= EpiWeek.WeeksInYear(year, system); week++)
            {
                var epiWeek = EpiWeek.Of(year, week, system);

                Assert.Equal(epiWeek, EpiWeek.FromDate(epiWeek.Start, system));
                Assert.Equal(epiWeek, EpiWeek.FromDate(epiWeek.End, system));
            }
        }
    }

    [Theory]
    [InlineData(WeekSystem.Iso)]
    [InlineData(WeekSystem.Mmwr)]
    public void Every_day_from_2015_to_2030_lies_in_the_week_it_maps_to(WeekSystem system)
    {
        for (var day = new DateOnly(2015, 1, 1); day <= new DateOnly(2030, 12, 31); day = day.AddDays(1))
        {
            var week = EpiWeek.FromDate(day, system);

            Assert.True(week.Contains(day), $"{day} is not in {week}");
            Assert.Equal(week, EpiWeek.Of(week.Year, week.Week, system));
        }
    }

    [Theory]
    [InlineData(WeekSystem.Iso)]
    [InlineData(WeekSystem.Mmwr)]
    public void Next_and_previous_cross_a_53_week_year_end(WeekSystem system)
    {
        var last = EpiWeek.Of(2020, 53, system);

        Assert.Equal(EpiWeek.Of(2021, 1, system), last.Next());
        Assert.Equal(last, EpiWeek.Of(2021, 1, system).Previous());
        Assert.Equal(last, EpiWeek.Of(2020, 52, system).Next());
    }

    [Fact]
    public void Next_crosses_a_52_week_year_end() =>
        Assert.Equal(EpiWeek.Of(2022, 1, WeekSystem.Iso), EpiWeek.Of(2021, 52, WeekSystem.Iso).Next());

    [Fact]
    public void Adding_weeks_counts_week_53_when_the_year_has_one()
    {
        var first = EpiWeek.Of(2020, 1, WeekSystem.Iso);

        Assert.Equal(EpiWeek.Of(2020, 53, WeekSystem.Iso), first.AddWeeks(52));
        Assert.Equal(EpiWeek.Of(2021, 1, WeekSystem.Iso), first.AddWeeks(53));
        Assert.Equal(first, EpiWeek.Of(2021, 1, WeekSystem.Iso).AddWeeks(-53));
        Assert.Equal(first, first.AddWeeks(0));
        // 2021 has 52 weeks, so 2021-W01 + 52 is 2022-W01.
        Assert.Equal(EpiWeek.Of(2022, 1, WeekSystem.Iso), EpiWeek.Of(2021, 1, WeekSystem.Iso).AddWeeks(52));
    }

    [Fact]
    public void Weeks_until_counts_whole_weeks_between_two_weeks()
    {
        Assert.Equal(53, EpiWeek.Of(2020, 1, WeekSystem.Iso).WeeksUntil(EpiWeek.Of(2021, 1, WeekSystem.Iso)));
        Assert.Equal(-1, EpiWeek.Of(2021, 1, WeekSystem.Iso).WeeksUntil(EpiWeek.Of(2020, 53, WeekSystem.Iso)));
        Assert.Throws<ArgumentException>(() => EpiWeek.Of(2020, 1, WeekSystem.Iso).WeeksUntil(EpiWeek.Of(2020, 1, WeekSystem.Mmwr)));
    }

    [Fact]
    public void Weeks_order_by_time_across_years()
    {
        var w53 = EpiWeek.Of(2020, 53, WeekSystem.Iso);
        var w01 = EpiWeek.Of(2021, 1, WeekSystem.Iso);
        var w02 = EpiWeek.Of(2021, 2, WeekSystem.Iso);

        Assert.True(w53 < w01);
        Assert.True(w02 > w01);
        Assert.True(w01 <= EpiWeek.Of(2021, 1, WeekSystem.Iso) && w01 >= EpiWeek.Of(2021, 1, WeekSystem.Iso));
        Assert.Equal([w53, w01, w02], new[] { w02, w53, w01 }.Order());
    }

    [Fact]
    public void Weeks_of_different_systems_are_never_equal()
    {
        // MMWR 2020-W01 (from Sun 29 Dec 2019) starts one day before ISO 2020-W01 (from Mon 30 Dec).
        var mmwr = EpiWeek.Of(2020, 1, WeekSystem.Mmwr);
        var iso = EpiWeek.Of(2020, 1, WeekSystem.Iso);

        Assert.NotEqual(mmwr, iso);
        Assert.True(mmwr < iso);
    }

    [Fact]
    public void A_week_round_trips_through_json()
    {
        var week = EpiWeek.Of(2020, 53, WeekSystem.Mmwr);

        var json = JsonSerializer.Serialize(week);

        Assert.Equal("""{"Year":2020,"Week":53,"System":"Mmwr","Start":"2020-12-27","End":"2021-01-02"}""", json);
        Assert.Equal(week, JsonSerializer.Deserialize<EpiWeek>(json));
    }

    [Fact]
    public void A_week_that_does_not_exist_is_refused_from_json() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonSerializer.Deserialize<EpiWeek>("""{"Year":2021,"Week":53,"System":"Iso"}"""));

    [Fact]
    public void Years_outside_the_supported_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EpiWeek.Of(1, 1, WeekSystem.Mmwr));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpiWeek.FromDate(DateOnly.MinValue, WeekSystem.Mmwr));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpiWeek.FromDate(DateOnly.MaxValue, WeekSystem.Iso));
    }
}
