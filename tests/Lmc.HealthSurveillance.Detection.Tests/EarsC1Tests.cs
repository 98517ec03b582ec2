using Lmc.HealthSurveillance.Detection.Ears;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EarsC1Tests
{
    private const double Precision = 12;

    // Baseline 3, 7, 3, 5, 7, 3, 7: sum 35, m = 35 / 7 = 5. Deviations -2, 2, -2, 0, 2, -2, 2,
    // squares 4 + 4 + 4 + 0 + 4 + 4 + 4 = 24, sample variance 24 / (7 - 1) = 4, s = 2.
    // Threshold m + 3s = 5 + 6 = 11.
    private static readonly double[] Baseline = [3, 7, 3, 5, 7, 3, 7];

    [Fact]
    public void Alarms_when_the_value_exceeds_mean_plus_three_sample_sds()
    {
        var result = EarsC.C1([.. Baseline, 12], 7);

        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        Assert.Equal(12, result.Observed);
        Assert.Equal(5, result.BaselineMean!.Value, Precision);
        Assert.Equal(2, result.BaselineStandardDeviation!.Value, Precision);
        Assert.Equal(11, result.Threshold!.Value, Precision);
        // (12 - 5) / 2 = 3.5
        Assert.Equal(3.5, result.Statistic!.Value, Precision);
        Assert.True(result.Alarm);
    }

    [Fact]
    public void Does_not_alarm_on_the_threshold_itself()
    {
        // x = 11 = m + 3s: the statistic is exactly 3, and the rule is "exceeds".
        var result = EarsC.C1([.. Baseline, 11], 7);

        Assert.Equal(3, result.Statistic!.Value, Precision);
        Assert.False(result.Alarm);
    }

    [Fact]
    public void Uses_the_sample_standard_deviation_not_the_population_one()
    {
        // With n instead of n - 1, s = sqrt(24 / 7) = 1.8516 and m + 3s = 10.555, which 11 would
        // exceed. With n - 1 it is exactly 11, which it does not.
        var result = EarsC.C1([.. Baseline, 11], 7);

        Assert.Equal(2, result.BaselineStandardDeviation!.Value, Precision);
        Assert.False(result.Alarm);
    }

    [Fact]
    public void Reads_only_the_seven_periods_before_t()
    {
        var alone = EarsC.C1([.. Baseline, 12], 7);
        // A huge value 8 periods back and another after t change nothing.
        var surrounded = EarsC.C1([1000, .. Baseline, 12, 999], 8);

        Assert.Equal(alone.BaselineMean, surrounded.BaselineMean);
        Assert.Equal(alone.BaselineStandardDeviation, surrounded.BaselineStandardDeviation);
        Assert.Equal(alone.Statistic, surrounded.Statistic);
        Assert.Equal(8, surrounded.Index);
    }

    [Fact]
    public void The_threshold_multiplier_is_configurable_and_reported()
    {
        var parameters = new EarsParameters(ThresholdMultiplier: 2);

        // m + 2s = 5 + 4 = 9 < 10; with the default k = 3 the threshold 11 is not exceeded.
        var result = EarsC.C1([.. Baseline, 10], 7, parameters);

        Assert.Equal(9, result.Threshold!.Value, Precision);
        Assert.True(result.Alarm);
        Assert.Same(parameters, result.Parameters);
        Assert.False(EarsC.C1([.. Baseline, 10], 7).Alarm);
    }

    [Fact]
    public void A_value_below_the_mean_has_a_negative_statistic()
    {
        // (1 - 5) / 2 = -2
        var result = EarsC.C1([.. Baseline, 1], 7);

        Assert.Equal(-2, result.Statistic!.Value, Precision);
        Assert.False(result.Alarm);
    }
}
