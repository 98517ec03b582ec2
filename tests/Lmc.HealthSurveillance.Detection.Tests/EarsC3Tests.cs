using Lmc.HealthSurveillance.Detection.Ears;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EarsC3Tests
{
    private const double Precision = 12;

    // Indices 0..8 are chosen so that C2's baselines for t = 9, 10 and 11 all have m = 5, s = 2:
    //   t = 9:  indices 0..6 = 3, 7, 3, 5, 7, 3, 7  (sum 35, squared deviations 24)
    //   t = 10: indices 1..7 = 7, 3, 5, 7, 3, 7, 3  (sum 35, squared deviations 24)
    //   t = 11: indices 2..8 = 3, 5, 7, 3, 7, 3, 7  (sum 35, squared deviations 24)
    // so C2_i = (x_i - 5) / 2 and the C2 threshold is 11 for each.
    private static double[] Series(double x9, double x10, double x11) => [3, 7, 3, 5, 7, 3, 7, 3, 7, x9, x10, x11];

    [Fact]
    public void Sums_the_excess_of_c2_over_one_for_the_last_three_periods()
    {
        // C2_9 = (9 - 5)/2 = 2 → max(0, 2 - 1) = 1
        // C2_10 = (6 - 5)/2 = 0.5 → max(0, -0.5) = 0
        // C2_11 = (10 - 5)/2 = 2.5 → 1.5
        // C3 = 1 + 0 + 1.5 = 2.5 ≥ 2: alarm.
        var values = Series(9, 6, 10);

        var c3 = EarsC.C3(values, 11);

        Assert.Equal(EvaluationStatus.Evaluated, c3.Status);
        Assert.Equal(2.5, c3.Statistic!.Value, Precision);
        Assert.Equal(2, c3.Threshold!.Value, Precision);
        Assert.True(c3.Alarm);
        // Mean and SD reported are those of C2 at t.
        Assert.Equal(5, c3.BaselineMean!.Value, Precision);
        Assert.Equal(2, c3.BaselineStandardDeviation!.Value, Precision);
        Assert.Equal(10, c3.Observed);
    }

    [Fact]
    public void Catches_a_sustained_rise_that_no_single_c2_crosses()
    {
        // None of 9, 6, 10 exceeds C2's threshold of 11, yet C3 alarms (previous test).
        var values = Series(9, 6, 10);

        Assert.DoesNotContain(EarsC.EvaluateAll(EarsMethod.C2, values), r => r.Alarm);
        Assert.True(EarsC.C3(values, 11).Alarm);
    }

    [Fact]
    public void Alarms_when_the_sum_reaches_the_threshold_exactly()
    {
        // C2_11 = (9 - 5)/2 = 2 → 1. C3 = 1 + 0 + 1 = 2, and the rule is "≥ 2".
        var c3 = EarsC.C3(Series(9, 6, 9), 11);

        Assert.Equal(2, c3.Statistic!.Value, Precision);
        Assert.True(c3.Alarm);
    }

    [Fact]
    public void Does_not_alarm_below_the_threshold()
    {
        // C2_11 = (8 - 5)/2 = 1.5 → 0.5. C3 = 1 + 0 + 0.5 = 1.5.
        var c3 = EarsC.C3(Series(9, 6, 8), 11);

        Assert.Equal(1.5, c3.Statistic!.Value, Precision);
        Assert.False(c3.Alarm);
    }

    [Fact]
    public void A_period_below_the_mean_adds_nothing()
    {
        // C2_10 = (1 - 5)/2 = -2 → max(0, -3) = 0: the sum is still 1 + 0 + 1.5 = 2.5.
        var c3 = EarsC.C3(Series(9, 1, 10), 11);

        Assert.Equal(2.5, c3.Statistic!.Value, Precision);
    }

    [Fact]
    public void The_c3_threshold_is_configurable_and_independent_of_the_multiplier()
    {
        var values = Series(9, 6, 10);

        Assert.False(EarsC.C3(values, 11, new EarsParameters(C3Threshold: 3)).Alarm);
        // k only moves C1/C2 thresholds; the C3 terms always subtract 1.
        Assert.Equal(2.5, EarsC.C3(values, 11, new EarsParameters(ThresholdMultiplier: 2)).Statistic!.Value, Precision);
    }
}
