using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EndemicChannelQuartileTests
{
    private const double Precision = 12;
    private static readonly EndemicChannel Channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build());

    private static EpiWeek Week(int week) => EpiWeek.Of(2020, week, WeekSystem.Iso);

    [Fact]
    public void Each_week_gets_q1_median_and_q3_of_the_same_week_in_earlier_years()
    {
        // Week 10 in 2015..2019: 8, 4, 6, 8, 4 → sorted 4, 4, 6, 8, 8. Type 7 with n = 5 has
        // h = 4p: Q1 at h = 1 → 4, median at h = 2 → 6, Q3 at h = 3 → 8.
        var week10 = Channel.ForWeek(Week(10))!;

        Assert.Equal(ChannelStatus.Ready, Channel.Status);
        Assert.Equal([2015, 2016, 2017, 2018, 2019], Channel.YearsUsed);
        Assert.Equal([8d, 4, 6, 8, 4], week10.History);
        Assert.Equal(4, week10.Lower, Precision);
        Assert.Equal(6, week10.Centre, Precision);
        Assert.Equal(8, week10.Upper, Precision);
        Assert.Equal(8, Channel.UpperLimit(Week(10)));
    }

    [Fact]
    public void A_week_with_the_same_value_every_year_has_a_zero_width_channel()
    {
        var week1 = Channel.ForWeek(Week(1))!;

        Assert.Equal((5d, 5d, 5d), (week1.Lower, week1.Centre, week1.Upper));
    }

    [Fact]
    public void The_channel_covers_every_week_of_its_year()
    {
        // ISO 2020 has 53 weeks.
        Assert.Equal(Enumerable.Range(1, 53), Channel.Weeks.Select(w => w.Week));
    }

    [Theory]
    // Week 10: Q1 4, median 6, Q3 8. A value on a limit takes the calmer zone.
    [InlineData(3, ChannelZone.Success)]
    [InlineData(4, ChannelZone.Safety)]
    [InlineData(6, ChannelZone.Safety)]
    [InlineData(7, ChannelZone.Alert)]
    [InlineData(8, ChannelZone.Alert)]
    [InlineData(8.5, ChannelZone.Epidemic)]
    public void A_value_is_classified_into_its_zone(double value, ChannelZone zone) =>
        Assert.Equal(zone, Channel.Classify(Week(10), value));

    [Fact]
    public void Six_years_of_history_interpolate_the_quartiles()
    {
        // Week 10 in 2014..2019: 10, 3, 1, 5, 2, 4 → sorted 1, 2, 3, 4, 5, 10; h = 5p:
        // Q1 = 2 + 0.25 × 1 = 2.25, median = 3 + 0.5 × 1 = 3.5, Q3 = 4 + 0.75 × 1 = 4.75.
        var history = new HistoryBuilder().Years(2014, 2019, 0)
            .Week(10, (2014, 10), (2015, 3), (2016, 1), (2017, 5), (2018, 2), (2019, 4))
            .Build();

        var week10 = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, history).ForWeek(Week(10))!;

        Assert.Equal(2.25, week10.Lower, Precision);
        Assert.Equal(3.5, week10.Centre, Precision);
        Assert.Equal(4.75, week10.Upper, Precision);
    }

    [Fact]
    public void A_channel_cannot_judge_a_week_of_another_year()
    {
        Assert.Throws<ArgumentException>(() => Channel.ForWeek(EpiWeek.Of(2021, 10, WeekSystem.Iso)));
        Assert.Throws<ArgumentException>(() => Channel.ForWeek(EpiWeek.Of(2020, 10, WeekSystem.Mmwr)));
    }
}
