using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class OutbreakRuleTests
{
    // Every test judges against an upper limit of 10, from ISO 2024-W01.
    private static IReadOnlyList<OutbreakEpisode> Episodes(params double[] values) =>
        OutbreakRule.FindEpisodes(Weekly(values), _ => 10);

    private static WeeklyValue[] Weekly(params double[] values) =>
        [.. values.Select((v, i) => new WeeklyValue(W(1).AddWeeks(i), v))];

    private static EpiWeek W(int week, int year = 2024) => EpiWeek.Of(year, week, WeekSystem.Iso);

    [Fact]
    public void Single_weeks_above_the_channel_are_not_an_outbreak() =>
        Assert.Empty(Episodes(12, 5, 12, 5, 11));

    [Fact]
    public void Two_consecutive_weeks_above_start_an_outbreak_dated_from_the_first()
    {
        // W02 and W03 above: the outbreak starts W02 and is declared at W03.
        var episode = Assert.Single(Episodes(5, 12, 13, 14));

        Assert.Equal(W(2), episode.Start);
        Assert.Equal(W(3), episode.Declared);
        Assert.True(episode.IsOngoing);
        Assert.Null(episode.End);
        Assert.Null(episode.Closed);
    }

    [Fact]
    public void Two_consecutive_weeks_below_end_it_and_one_does_not()
    {
        // W02..W04 above, W05 below (alone: not an end), W06 above, W07 and W08 below:
        // the outbreak ran W02..W06 and was closed at W08.
        var episode = Assert.Single(Episodes(5, 12, 13, 14, 5, 12, 5, 4, 5));

        Assert.Equal(W(2), episode.Start);
        Assert.Equal(W(3), episode.Declared);
        Assert.Equal(W(6), episode.End);
        Assert.Equal(W(8), episode.Closed);
        Assert.False(episode.IsOngoing);
    }

    [Fact]
    public void A_value_on_the_limit_is_not_above_it()
    {
        // 10 is not above 10: no outbreak from 10, 10; and inside one, 10, 10 closes it.
        Assert.Empty(Episodes(10, 10));
        var episode = Assert.Single(Episodes(11, 11, 10, 10));
        Assert.Equal(W(2), episode.End);
        Assert.Equal(W(4), episode.Closed);
    }

    [Fact]
    public void A_later_rise_is_a_second_outbreak()
    {
        var episodes = Episodes(11, 11, 1, 1, 11, 11);

        Assert.Equal(2, episodes.Count);
        Assert.Equal((W(1), W(4)), (episodes[0].Start, episodes[0].Closed!.Value));
        Assert.Equal((W(5), W(6)), (episodes[1].Start, episodes[1].Declared));
    }

    [Fact]
    public void An_outbreak_is_open_from_its_declaration_until_before_its_closing_week()
    {
        var episode = Assert.Single(Episodes(5, 12, 13, 5, 5));

        Assert.False(episode.IsOpenIn(W(2)));
        Assert.True(episode.IsOpenIn(W(3)));
        Assert.True(episode.IsOpenIn(W(4)));
        Assert.False(episode.IsOpenIn(W(5)));
    }

    [Fact]
    public void A_week_without_a_limit_breaks_a_run()
    {
        // W02 has no channel: W01 and W03 above are not consecutive judged weeks.
        var episodes = OutbreakRule.FindEpisodes(Weekly(11, 11, 11), w => w == W(2) ? null : 10);

        Assert.Empty(episodes);
    }

    [Fact]
    public void An_outbreak_can_run_across_new_year_with_a_limit_per_week()
    {
        var weeks = new[] { new WeeklyValue(W(52), 11), new WeeklyValue(W(1, 2025), 11) };

        var episode = Assert.Single(OutbreakRule.FindEpisodes(weeks, _ => 10));

        Assert.Equal((W(52), W(1, 2025)), (episode.Start, episode.Declared));
    }

    [Fact]
    public void A_gap_in_the_weeks_is_refused()
    {
        var gapped = new[] { new WeeklyValue(W(1), 11), new WeeklyValue(W(3), 11) };

        Assert.Throws<ArgumentException>(() => OutbreakRule.FindEpisodes(gapped, _ => 10));
    }

    [Fact]
    public void The_channel_upper_limit_is_q3_for_a_quartile_channel()
    {
        // Standard history, ISO 2020: every week's Q3 is 5 except week 10 (Q3 8).
        // W08 6 and W09 6 are above 5: outbreak from W08, declared W09. W10 7 is below 8 and
        // W11 5 is not above 5: closed at W11, last week above W09.
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build());
        var weeks = new[] { 5d, 6, 6, 7, 5 }.Select((v, i) => new WeeklyValue(W(7, 2020).AddWeeks(i), v));

        var episode = Assert.Single(OutbreakRule.FindEpisodes(weeks, channel));

        Assert.Equal(new OutbreakEpisode(W(8, 2020), W(9, 2020), W(9, 2020), W(11, 2020)), episode);
    }

    [Fact]
    public void A_channel_refuses_weeks_outside_its_year()
    {
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build());

        Assert.Throws<ArgumentException>(() => OutbreakRule.FindEpisodes([new WeeklyValue(W(1, 2021), 1)], channel));
    }
}
