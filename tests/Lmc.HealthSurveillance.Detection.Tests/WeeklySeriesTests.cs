using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class WeeklySeriesTests
{
    private static EpiWeek W(int year, int week) => EpiWeek.Of(year, week, WeekSystem.Iso);

    [Fact]
    public void Observations_in_any_order_become_a_contiguous_series()
    {
        var series = WeeklySeries.FromObservations([new(W(2021, 1), 3), new(W(2020, 52), 1), new(W(2020, 53), 2)]);

        Assert.Equal(W(2020, 52), series.Start);
        Assert.Equal(W(2021, 1), series.End);
        Assert.Equal([1d, 2, 3], series.Values);
        Assert.Equal(W(2020, 53), series.WeekAt(1));
        Assert.Equal(2, series.IndexOf(W(2021, 1)));
        Assert.Equal(-1, series.IndexOf(W(2021, 2)));
    }

    [Fact]
    public void A_missing_week_is_refused_unless_the_caller_treats_it_as_zero()
    {
        WeeklyValue[] gapped = [new(W(2024, 1), 4), new(W(2024, 3), 6)];

        var refused = Assert.Throws<ArgumentException>(() => WeeklySeries.FromObservations(gapped));
        var filled = WeeklySeries.FromObservations(gapped, MissingWeekPolicy.TreatAsZero);

        Assert.Contains("Week 2024-W02 is missing", refused.Message, StringComparison.Ordinal);
        Assert.Equal([4d, 0, 6], filled.Values);
    }

    [Fact]
    public void A_week_reported_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => WeeklySeries.FromObservations([new(W(2024, 1), 4), new(W(2024, 1), 5)]));

    [Fact]
    public void Mixed_week_systems_are_refused() =>
        Assert.Throws<ArgumentException>(() => WeeklySeries.FromObservations([new(W(2024, 1), 4), new(EpiWeek.Of(2024, 2, WeekSystem.Mmwr), 5)]));

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_values_are_refused(double value) =>
        Assert.Throws<ArgumentException>(() => new WeeklySeries(W(2024, 1), [1, value]));

    [Fact]
    public void Complete_years_leave_out_partly_covered_ones()
    {
        // From 2019-W50 to 2021-W02: only 2020 (53 ISO weeks) is covered from week 1 to its last week.
        var start = W(2019, 50);
        var count = start.WeeksUntil(W(2021, 2)) + 1;
        var series = new WeeklySeries(start, Enumerable.Range(0, count).Select(i => (double)i));

        var years = series.CompleteYears();

        Assert.Equal([2020], years.Keys);
        Assert.Equal(53, years[2020].Count);
        Assert.Equal(series[series.IndexOf(W(2020, 1))], years[2020][0]);
    }
}
