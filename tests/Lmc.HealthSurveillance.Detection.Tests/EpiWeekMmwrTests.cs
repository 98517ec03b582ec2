using System.Globalization;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EpiWeekMmwrTests
{
    [Theory]
    // MMWR 2019-W01 starts Sun 30 Dec 2018 (4 Jan 2019 is a Friday) and 2020-W01 starts
    // Sun 29 Dec 2019 (4 Jan 2020 is a Saturday): 364 days, so 2019 has 52 weeks and Sat 28 Dec
    // 2019 ends 2019-W52.
    [InlineData("2019-12-28", 2019, 52)]
    [InlineData("2019-12-29", 2020, 1)]
    // 1 Jan 2020 is in the week Sun 29 Dec .. Sat 4 Jan: 2020-W01, not 2019-W53.
    [InlineData("2020-01-01", 2020, 1)]
    // 4 Jan 2021 is a Monday, so 2021-W01 starts Sun 3 Jan 2021; from 29 Dec 2019 that is
    // 371 days, so 2020 has 53 weeks and Sat 2 Jan 2021 ends 2020-W53.
    [InlineData("2021-01-02", 2020, 53)]
    [InlineData("2021-01-03", 2021, 1)]
    // 4 Jan 2014 is a Saturday (2014-W01 from Sun 29 Dec 2013), 4 Jan 2015 a Sunday
    // (2015-W01 from that day): 371 days, 53 weeks.
    [InlineData("2015-01-03", 2014, 53)]
    [InlineData("2015-01-04", 2015, 1)]
    // Same calendar shape for 2025/2026.
    [InlineData("2026-01-03", 2025, 53)]
    [InlineData("2026-01-04", 2026, 1)]
    // 2024-W01 starts Sun 31 Dec 2023 (4 Jan 2024 is a Thursday); W07 starts 42 days later,
    // Sun 11 Feb, and runs to Sat 17 Feb.
    [InlineData("2024-02-14", 2024, 7)]
    public void A_date_around_new_year_falls_in_its_mmwr_epi_week(string date, int year, int week)
    {
        var epiWeek = EpiWeek.FromDate(DateOnly.Parse(date, CultureInfo.InvariantCulture), WeekSystem.Mmwr);

        Assert.Equal(EpiWeek.Of(year, week, WeekSystem.Mmwr), epiWeek);
    }

    [Fact]
    public void An_mmwr_week_runs_sunday_to_saturday_across_new_year()
    {
        var week = EpiWeek.Of(2020, 1, WeekSystem.Mmwr);

        Assert.Equal(new DateOnly(2019, 12, 29), week.Start);
        Assert.Equal(new DateOnly(2020, 1, 4), week.End);
        Assert.Equal(DayOfWeek.Sunday, week.Start.DayOfWeek);
    }

    [Theory]
    [InlineData(2014, 53)]
    [InlineData(2020, 53)]
    [InlineData(2025, 53)]
    [InlineData(2015, 52)]
    [InlineData(2019, 52)]
    [InlineData(2021, 52)]
    [InlineData(2026, 52)]
    public void Mmwr_years_have_52_or_53_weeks(int year, int weeks) =>
        Assert.Equal(weeks, EpiWeek.WeeksInYear(year, WeekSystem.Mmwr));

    [Fact]
    public void The_mmwr_years_with_53_weeks_from_2000_to_2040_are_the_published_ones()
    {
        // The ISO rule shifted one day for the Sunday start: a year has 53 MMWR weeks when it
        // starts on a Wednesday, or on a Tuesday in a leap year (2008).
        int[] expected = [2003, 2008, 2014, 2020, 2025, 2031, 2036];

        var actual = Enumerable.Range(2000, 41).Where(y => EpiWeek.WeeksInYear(y, WeekSystem.Mmwr) == 53);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Mmwr_week_1_is_the_first_sunday_week_with_at_least_four_days_in_the_year()
    {
        // The CDC definition checked literally, independently of the "holds 4 January" shortcut.
        static int DaysInYear(DateOnly weekStart, int year) =>
            Enumerable.Range(0, 7).Count(d => weekStart.AddDays(d).Year == year);

        for (var year = 2000; year <= 2040; year++)
        {
            var start = EpiWeek.Of(year, 1, WeekSystem.Mmwr).Start;

            Assert.Equal(DayOfWeek.Sunday, start.DayOfWeek);
            Assert.True(DaysInYear(start, year) >= 4, $"{year}-W01 has fewer than 4 days in {year}");
            Assert.True(DaysInYear(start.AddDays(-7), year) < 4, $"the week before {year}-W01 already has 4 days in {year}");
        }
    }

    [Fact]
    public void Week_53_is_refused_in_a_52_week_mmwr_year()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => EpiWeek.Of(2019, 53, WeekSystem.Mmwr));

        Assert.Contains("Mmwr epi year 2019 has weeks 1 to 52", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mmwr_weeks_print_with_their_system()
    {
        Assert.Equal("2024-MMWR07", EpiWeek.Of(2024, 7, WeekSystem.Mmwr).ToString());
        Assert.Equal("2020-MMWR53", EpiWeek.Of(2020, 53, WeekSystem.Mmwr).ToString());
    }
}
