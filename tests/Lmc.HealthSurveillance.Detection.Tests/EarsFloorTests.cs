using Lmc.HealthSurveillance.Detection.Ears;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EarsFloorTests
{
    private const double Precision = 12;

    [Fact]
    public void A_flat_baseline_uses_the_floored_standard_deviation()
    {
        // Baseline all 5: m = 5, s = 0, floored to 0.5. Threshold 5 + 3 × 0.5 = 6.5 (exact in binary).
        var parameters = new EarsParameters(MinimumStandardDeviation: 0.5);
        double[] flat = [5, 5, 5, 5, 5, 5, 5];

        var justAbove = EarsC.C1([.. flat, 6.75], 7, parameters);
        var onThreshold = EarsC.C1([.. flat, 6.5], 7, parameters);

        Assert.Equal(0.5, justAbove.BaselineStandardDeviation);
        Assert.Equal(6.5, justAbove.Threshold);
        // (6.75 - 5) / 0.5 = 3.5
        Assert.Equal(3.5, justAbove.Statistic!.Value, Precision);
        Assert.True(justAbove.Alarm);
        Assert.Equal(3, onThreshold.Statistic!.Value, Precision);
        Assert.False(onThreshold.Alarm);
    }

    [Fact]
    public void With_the_default_floor_one_case_above_a_flat_baseline_alarms()
    {
        // Baseline all 2: s = 0 → 0.2; threshold 2 + 3 × 0.2 = 2.6; statistic (3 - 2)/0.2 = 5.
        double[] flat = [2, 2, 2, 2, 2, 2, 2];

        var result = EarsC.C1([.. flat, 3], 7);

        Assert.Equal(0.2, result.BaselineStandardDeviation!.Value, Precision);
        Assert.Equal(2.6, result.Threshold!.Value, Precision);
        Assert.Equal(5, result.Statistic!.Value, Precision);
        Assert.True(result.Alarm);
        Assert.False(EarsC.C1([.. flat, 2], 7).Alarm);
    }

    [Fact]
    public void A_first_case_after_weeks_of_zero_alarms_instead_of_dividing_by_zero()
    {
        // m = 0, s = 0 → 0.2: statistic 1 / 0.2 = 5, finite.
        var result = EarsC.C2([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 9);

        Assert.Equal(5, result.Statistic!.Value, Precision);
        Assert.True(double.IsFinite(result.Statistic.Value));
        Assert.True(result.Alarm);
    }

    [Fact]
    public void The_floor_never_lowers_a_larger_standard_deviation()
    {
        // s = 2 (see EarsC1Tests) stays 2 under a floor of 0.5.
        var result = EarsC.C1([3, 7, 3, 5, 7, 3, 7, 12], 7, new EarsParameters(MinimumStandardDeviation: 0.5));

        Assert.Equal(2, result.BaselineStandardDeviation!.Value, Precision);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_floor_that_is_not_positive_is_refused(double floor) =>
        Assert.Throws<ArgumentException>(() => EarsC.C1([1, 2, 3, 4, 5, 6, 7, 8], 7, new EarsParameters(MinimumStandardDeviation: floor)));
}
