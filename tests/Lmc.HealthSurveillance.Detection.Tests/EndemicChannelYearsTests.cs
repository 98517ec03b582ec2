using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EndemicChannelYearsTests
{
    private const double Precision = 12;

    // ISO 2012..2019, every week 5; week 10 holds 1..7 in the ordinary years and 1000 in 2017.
    private static readonly IReadOnlyDictionary<int, IReadOnlyList<double>> EightYears = new HistoryBuilder()
        .Years(2012, 2019, 5)
        .Week(10, (2012, 1), (2013, 2), (2014, 3), (2015, 4), (2016, 5), (2017, 1000), (2018, 6), (2019, 7))
        .Build();

    private static readonly EpiWeek Week10 = EpiWeek.Of(2020, 10, WeekSystem.Iso);

    [Fact]
    public void An_epidemic_year_is_skipped_and_an_older_year_takes_its_place()
    {
        // Without 2017 the seven most recent years are 2012..2016, 2018, 2019: week 10 values
        // 1..7. Type 7 with n = 7, h = 6p: Q1 at 1.5 → 2.5, median at 3 → 4, Q3 at 4.5 → 5.5.
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, EightYears, epidemicYears: [2017]);
        var week10 = channel.ForWeek(Week10)!;

        Assert.Equal([2012, 2013, 2014, 2015, 2016, 2018, 2019], channel.YearsUsed);
        Assert.Equal([2017], channel.YearsExcluded);
        Assert.Equal(2.5, week10.Lower, Precision);
        Assert.Equal(4, week10.Centre, Precision);
        Assert.Equal(5.5, week10.Upper, Precision);
    }

    [Fact]
    public void Without_the_exclusion_the_epidemic_year_raises_the_channel()
    {
        // 2013..2019: 2, 3, 4, 5, 1000, 6, 7 → sorted 2, 3, 4, 5, 6, 7, 1000:
        // Q1 = 3 + 0.5 × 1 = 3.5, median 5, Q3 = 6 + 0.5 × 1 = 6.5. 2012 is the eighth year, unused.
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, EightYears);
        var week10 = channel.ForWeek(Week10)!;

        Assert.Equal([2013, 2014, 2015, 2016, 2017, 2018, 2019], channel.YearsUsed);
        Assert.Empty(channel.YearsExcluded);
        Assert.Equal(3.5, week10.Lower, Precision);
        Assert.Equal(6.5, week10.Upper, Precision);
    }

    [Fact]
    public void At_most_the_configured_number_of_recent_years_is_used()
    {
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, EightYears, new ChannelSettings(MinimumYears: 3, MaximumYears: 3));

        // 2017, 2018, 2019: 1000, 6, 7 → median 7.
        Assert.Equal([2017, 2018, 2019], channel.YearsUsed);
        Assert.Equal(7, channel.ForWeek(Week10)!.Centre, Precision);
    }

    [Fact]
    public void Too_few_non_epidemic_years_give_a_channel_that_says_so()
    {
        // 2015..2019 is five years; without 2016 four remain, one short of the minimum of 5.
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build(), epidemicYears: [2016]);

        Assert.Equal(ChannelStatus.InsufficientYears, channel.Status);
        Assert.Equal([2015, 2017, 2018, 2019], channel.YearsUsed);
        Assert.Equal([2016], channel.YearsExcluded);
        Assert.Empty(channel.Weeks);
        Assert.Equal("Insufficient history: 4 non-epidemic year(s) before 2020 (2015, 2017, 2018, 2019); the channel needs at least 5.", channel.Note);
        Assert.Null(channel.UpperLimit(Week10));
        Assert.Equal(ChannelZone.Unknown, channel.Classify(Week10, 1000));
    }

    [Fact]
    public void Years_at_or_after_the_channel_year_are_ignored()
    {
        var history = HistoryBuilder.Standard().Years(2020, 2021, 999).Build();

        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, history);

        Assert.Equal([2015, 2016, 2017, 2018, 2019], channel.YearsUsed);
        Assert.Equal(8, channel.UpperLimit(Week10));
    }

    [Fact]
    public void Week_53_takes_week_53_where_a_year_had_one_and_week_52_elsewhere()
    {
        // Of 2015..2019 only ISO 2015 has a week 53 (value 20); the others lend week 52 (2, 4, 6, 8).
        // Week 53: 20, 2, 4, 6, 8 → sorted 2, 4, 6, 8, 20: Q1 4, median 6, Q3 8.
        // Week 52 itself keeps 2015's week 52 (100): 100, 2, 4, 6, 8.
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build());
        var week53 = channel.ForWeek(EpiWeek.Of(2020, 53, WeekSystem.Iso))!;
        var week52 = channel.ForWeek(EpiWeek.Of(2020, 52, WeekSystem.Iso))!;

        Assert.Equal([20d, 2, 4, 6, 8], week53.History);
        Assert.Equal([2016, 2017, 2018, 2019], week53.YearsFromWeek52);
        Assert.Equal((4d, 6d, 8d), (week53.Lower, week53.Centre, week53.Upper));
        Assert.Equal([100d, 2, 4, 6, 8], week52.History);
        Assert.Empty(week52.YearsFromWeek52);
    }

    [Fact]
    public void Week_53_with_no_earlier_week_53_borrows_week_52_of_every_year()
    {
        // ISO 2026 has 53 weeks; 2021..2025 have 52. Week 52: 1, 2, 3, 4, 5 → median 3.
        var history = new HistoryBuilder().Years(2021, 2025, 0)
            .Week(52, (2021, 1), (2022, 2), (2023, 3), (2024, 4), (2025, 5))
            .Build();

        var channel = EndemicChannelBuilder.Build(2026, WeekSystem.Iso, history);
        var week53 = channel.ForWeek(EpiWeek.Of(2026, 53, WeekSystem.Iso))!;

        Assert.Equal([2021, 2022, 2023, 2024, 2025], week53.YearsFromWeek52);
        Assert.Equal(3, week53.Centre, Precision);
    }

    [Fact]
    public void A_52_week_year_ignores_an_earlier_week_53()
    {
        // ISO 2021 has 52 weeks; 2020's week 53 has no counterpart.
        var history = new HistoryBuilder().Years(2016, 2020, 1).Week(53, (2020, 500)).Build();

        var channel = EndemicChannelBuilder.Build(2021, WeekSystem.Iso, history);

        Assert.Equal(52, channel.Weeks.Count);
        Assert.All(channel.Weeks, w => Assert.Equal(1, w.Upper));
    }

    [Fact]
    public void A_history_year_with_the_wrong_number_of_weeks_is_refused()
    {
        // ISO-shaped history (2015 with 53 weeks) read as MMWR, where 2015 has 52 weeks.
        var refused = Assert.Throws<ArgumentException>(() =>
            EndemicChannelBuilder.Build(2020, WeekSystem.Mmwr, HistoryBuilder.Standard().Build()));

        Assert.Contains("The history of 2015 has 53 weeks; Mmwr 2015 has 52.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_mmwr_channel_follows_mmwr_week_counts()
    {
        // MMWR 2015..2019 all have 52 weeks; MMWR 2020 has 53.
        var history = new HistoryBuilder(WeekSystem.Mmwr).Years(2015, 2019, 2).Build();

        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Mmwr, history);

        Assert.Equal(53, channel.Weeks.Count);
        Assert.Equal(5, channel.Weeks[52].YearsFromWeek52.Count);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(5, 4)]
    public void Settings_that_cannot_give_a_channel_are_refused(int minimum, int maximum) =>
        Assert.Throws<ArgumentException>(() => EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build(), new ChannelSettings(MinimumYears: minimum, MaximumYears: maximum)));
}
