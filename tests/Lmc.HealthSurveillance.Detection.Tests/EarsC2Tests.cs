using Lmc.HealthSurveillance.Detection.Ears;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EarsC2Tests
{
    private const double Precision = 12;

    [Fact]
    public void Spikes_in_the_two_periods_before_t_stay_out_of_the_c2_baseline_but_enter_c1()
    {
        // t = 9. C2's baseline is t-9..t-3 = indices 0..6 = 3, 7, 3, 5, 7, 3, 7: m = 5, s = 2
        // (see EarsC1Tests), threshold 11. The spikes 50 and 40 at t-2 and t-1 are the guard band.
        double[] values = [3, 7, 3, 5, 7, 3, 7, 50, 40, 12];

        var c2 = EarsC.C2(values, 9);
        var c1 = EarsC.C1(values, 9);

        Assert.Equal(5, c2.BaselineMean!.Value, Precision);
        Assert.Equal(2, c2.BaselineStandardDeviation!.Value, Precision);
        Assert.Equal(11, c2.Threshold!.Value, Precision);
        Assert.Equal(3.5, c2.Statistic!.Value, Precision);
        Assert.True(c2.Alarm);

        // C1's baseline is t-7..t-1 = indices 2..8 = 3, 5, 7, 3, 7, 50, 40: sum 115, m = 115/7.
        // Sum of squares 9 + 25 + 49 + 9 + 49 + 2500 + 1600 = 4241; squared deviations
        // 4241 - 115²/7 = (29687 - 13225)/7 = 16462/7; variance 16462/42, s = 19.798.
        // Statistic (12 - 115/7) / 19.798 = -0.2237: the spikes hide the rise from C1.
        Assert.Equal(115d / 7, c1.BaselineMean!.Value, Precision);
        Assert.Equal(Math.Sqrt(16462d / 42), c1.BaselineStandardDeviation!.Value, Precision);
        Assert.Equal((12 - 115d / 7) / Math.Sqrt(16462d / 42), c1.Statistic!.Value, Precision);
        Assert.False(c1.Alarm);
    }

    [Theory]
    // A single spike of 50 at t-2 or at t-1 (the other guard period is 5).
    [InlineData(50, 5)]
    [InlineData(5, 50)]
    public void A_single_spike_in_the_guard_band_does_not_move_the_c2_baseline(double tMinus2, double tMinus1)
    {
        double[] values = [3, 7, 3, 5, 7, 3, 7, tMinus2, tMinus1, 12];

        var c2 = EarsC.C2(values, 9);
        var c1 = EarsC.C1(values, 9);

        Assert.Equal(5, c2.BaselineMean!.Value, Precision);
        Assert.True(c2.Alarm);
        // C1: 3 + 5 + 7 + 3 + 7 + 50 + 5 = 80, m = 80/7 = 11.43.
        Assert.Equal(80d / 7, c1.BaselineMean!.Value, Precision);
        Assert.False(c1.Alarm);
    }

    [Fact]
    public void The_period_just_before_the_guard_band_is_in_the_c2_baseline()
    {
        // t-3 = index 6 holds 50: baseline 3, 7, 3, 5, 7, 3, 50, sum 78, m = 78/7.
        double[] values = [3, 7, 3, 5, 7, 3, 50, 5, 5, 12];

        Assert.Equal(78d / 7, EarsC.C2(values, 9).BaselineMean!.Value, Precision);
    }
}
