using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EndemicChannelStandardDeviationTests
{
    private const double Precision = 12;

    private static ChannelWeek WeekOf(ChannelVariant variant, int week, double multiplier = 2) =>
        EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build(), new ChannelSettings(variant, multiplier))
            .ForWeek(EpiWeek.Of(2020, week, WeekSystem.Iso))!;

    [Fact]
    public void The_arithmetic_channel_is_the_mean_plus_and_minus_two_sample_sds()
    {
        // Week 10: 8, 4, 6, 8, 4: mean 30/5 = 6; deviations 2, -2, 0, 2, -2, squares 16,
        // variance 16 / (5 - 1) = 4, SD 2. Channel 6 - 4 = 2 .. 6 + 4 = 10.
        var week10 = WeekOf(ChannelVariant.MeanStandardDeviation, 10);

        Assert.Equal(2, week10.Lower, Precision);
        Assert.Equal(6, week10.Centre, Precision);
        Assert.Equal(10, week10.Upper, Precision);
        Assert.Equal(ChannelZone.Alert, week10.Classify(10));
        Assert.Equal(ChannelZone.Epidemic, week10.Classify(10.5));
    }

    [Fact]
    public void The_multiplier_widens_the_arithmetic_channel()
    {
        // Week 10 with k = 3: 6 + 3 × 2 = 12; 6 - 6 = 0.
        var week10 = WeekOf(ChannelVariant.MeanStandardDeviation, 10, multiplier: 3);

        Assert.Equal(12, week10.Upper, Precision);
        Assert.Equal(0, week10.Lower, Precision);
    }

    [Fact]
    public void The_arithmetic_lower_limit_is_floored_at_zero()
    {
        // Week 30: 0, 0, 0, 0, 15: mean 3; deviations -3 ×4 and 12, squares 36 + 144 = 180,
        // variance 180 / 4 = 45. Lower 3 - 2√45 = -10.4 → 0; upper 3 + 2√45 = 16.416.
        var week30 = WeekOf(ChannelVariant.MeanStandardDeviation, 30);

        Assert.Equal(0, week30.Lower);
        Assert.Equal(3 + 2 * Math.Sqrt(45), week30.Upper, Precision);
    }

    [Fact]
    public void The_geometric_channel_works_on_log_of_x_plus_one()
    {
        // Week 20: 1, 3, 3, 3, 7, so x + 1 = 2, 4, 4, 4, 8 and log(x + 1) = (1, 2, 2, 2, 3) · ln 2.
        // Mean 2 ln 2; deviations (-1, 0, 0, 0, 1) · ln 2, variance 2/4 · ln²2, SD √0.5 · ln 2,
        // so 2 SD = √2 · ln 2.
        //   centre = exp(2 ln 2) - 1 = 4 - 1 = 3
        //   upper  = exp((2 + √2) ln 2) - 1 = 2^3.41421 - 1 = 8 × 1.33257 - 1 = 9.66058
        //   lower  = exp((2 - √2) ln 2) - 1 = 2^0.58579 - 1 = 1.50086 - 1 = 0.50086
        var week20 = WeekOf(ChannelVariant.Geometric, 20);

        Assert.Equal(3, week20.Centre, Precision);
        Assert.Equal(Math.Pow(2, 2 + Math.Sqrt(2)) - 1, week20.Upper, Precision);
        Assert.Equal(9.66058, week20.Upper, 5);
        Assert.Equal(Math.Pow(2, 2 - Math.Sqrt(2)) - 1, week20.Lower, Precision);
        Assert.Equal(0.50086, week20.Lower, 5);
    }

    [Fact]
    public void The_geometric_channel_is_narrower_than_the_arithmetic_one_above_a_skewed_year()
    {
        // Week 20, arithmetic: mean 17/5 = 3.4; squared deviations 5.76 + 3 × 0.16 + 12.96 = 19.2,
        // variance 4.8; upper 3.4 + 2√4.8 = 7.78 against the geometric 9.66: the log scale
        // treats 7 as one doubling above 3, not as 3.6 cases.
        var arithmetic = WeekOf(ChannelVariant.MeanStandardDeviation, 20);

        Assert.Equal(3.4 + 2 * Math.Sqrt(4.8), arithmetic.Upper, Precision);
        Assert.True(arithmetic.Upper < WeekOf(ChannelVariant.Geometric, 20).Upper);
    }

    [Fact]
    public void The_geometric_lower_limit_is_floored_at_zero()
    {
        // Week 30: x + 1 = 1, 1, 1, 1, 16 → log = (0, 0, 0, 0, 4) · ln 2; mean 0.8 ln 2;
        // squared deviations (4 × 0.64 + 3.2²) ln²2 = 12.8 ln²2, variance 3.2 ln²2.
        // Lower: 2^(0.8 - 2√3.2) - 1 = 2^-2.78 - 1 < 0 → 0. Upper: 2^(0.8 + 2√3.2) - 1.
        var week30 = WeekOf(ChannelVariant.Geometric, 30);

        Assert.Equal(0, week30.Lower);
        Assert.Equal(Math.Pow(2, 0.8) - 1, week30.Centre, Precision);
        Assert.Equal(Math.Pow(2, 0.8 + 2 * Math.Sqrt(3.2)) - 1, week30.Upper, Precision);
    }

    [Fact]
    public void A_week_with_the_same_value_every_year_has_a_zero_width_geometric_channel()
    {
        var week1 = WeekOf(ChannelVariant.Geometric, 1);

        Assert.Equal(5, week1.Lower, Precision);
        Assert.Equal(5, week1.Upper, Precision);
    }
}
