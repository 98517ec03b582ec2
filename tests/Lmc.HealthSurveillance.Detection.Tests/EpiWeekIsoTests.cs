using System.Globalization;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EpiWeekIsoTests
{
    [Theory]
    // 4 Jan 2020 is a Saturday: ISO 2020-W01 runs Mon 30 Dec 2019 .. Sun 5 Jan 2020.
    [InlineData("2019-12-30", 2020, 1)]
    // 4 Jan 2021 is a Monday: 2021-W01 starts that day, so Thu 31 Dec 2020 .. Sun 3 Jan 2021
    // are the last days of 2020-W53 (which started Mon 28 Dec 2020).
    [InlineData("2020-12-31", 2020, 53)]
    [InlineData("2021-01-03", 2020, 53)]
    [InlineData("2021-01-04", 2021, 1)]
    // 1 Jan 2024 is a Monday, so W07 starts 1 Jan + 6 × 7 days = Mon 12 Feb.
    [InlineData("2024-02-14", 2024, 7)]
    // 4 Jan 2025 is a Saturday: 2025-W01 starts Mon 30 Dec 2024.
    [InlineData("2024-12-30", 2025, 1)]
    // 4 Jan 2027 is a Monday: Sun 3 Jan 2027 closes 2026-W53.
    [InlineData("2027-01-03", 2026, 53)]
    public void A_date_around_new_year_falls_in_its_iso_epi_week(string date, int year, int week)
    {
        var epiWeek = EpiWeek.FromDate(DateOnly.Parse(date, CultureInfo.InvariantCulture), WeekSystem.Iso);

        Assert.Equal(EpiWeek.Of(year, week, WeekSystem.Iso), epiWeek);
    }

    [Fact]
    public void An_iso_week_runs_monday_to_sunday_across_new_year()
    {
        var week = EpiWeek.Of(2020, 53, WeekSystem.Iso);

        Assert.Equal(new DateOnly(2020, 12, 28), week.Start);
        Assert.Equal(new DateOnly(2021, 1, 3), week.End);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
    }

    [Theory]
    [InlineData(2015, 53)]
    [InlineData(2020, 53)]
    [InlineData(2026, 53)]
    [InlineData(2021, 52)]
    [InlineData(2024, 52)]
    [InlineData(2025, 52)]
    public void Iso_years_have_52_or_53_weeks(int year, int weeks) =>
        Assert.Equal(weeks, EpiWeek.WeeksInYear(year, WeekSystem.Iso));

    [Fact]
    public void The_iso_years_with_53_weeks_from_2000_to_2040_are_the_published_ones()
    {
        // A year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
        int[] expected = [2004, 2009, 2015, 2020, 2026, 2032, 2037];

        var actual = Enumerable.Range(2000, 41).Where(y => EpiWeek.WeeksInYear(y, WeekSystem.Iso) == 53);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_day_from_2015_to_2030_agrees_with_the_framework_iso_week()
    {
        for (var day = new DateOnly(2015, 1, 1); day <= new DateOnly(2030, 12, 31); day = day.AddDays(1))
        {
            var dateTime = day.ToDateTime(TimeOnly.MinValue);
            var week = EpiWeek.FromDate(day, WeekSystem.Iso);

            Assert.Equal((ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime)), (week.Year, week.Week));
        }
    }

    [Fact]
    public void Every_iso_week_from_2015_to_2030_starts_where_the_framework_says()
    {
        for (var year = 2015; year <= 2030; year++)
        {
            Assert.Equal(ISOWeek.GetWeeksInYear(year), EpiWeek.WeeksInYear(year, WeekSystem.Iso));
            for (var week = 1; week <= ISOWeek.GetWeeksInYear(year); week++)
            {
                var expected = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                Assert.Equal(expected, EpiWeek.Of(year, week, WeekSystem.Iso).Start);
            }
        }
    }

    [Fact]
    public void Week_53_is_refused_in_a_52_week_iso_year()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => EpiWeek.Of(2021, 53, WeekSystem.Iso));

        Assert.Equal("week", refused.ParamName);
        Assert.Contains("Iso epi year 2021 has weeks 1 to 52", refused.Message, StringComparison.Ordinal);
        Assert.Equal(53, EpiWeek.Of(2020, 53, WeekSystem.Iso).Week);
    }

    [Theory]
    [InlineData(2024, 0)]
    [InlineData(2024, -1)]
    [InlineData(2024, 54)]
    public void A_week_outside_the_year_is_refused(int year, int week) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EpiWeek.Of(year, week, WeekSystem.Iso));

    [Fact]
    public void Iso_weeks_print_in_iso_8601_week_notation() =>
        Assert.Equal("2024-W07", EpiWeek.Of(2024, 7, WeekSystem.Iso).ToString());
}
