using Lmc.HealthSurveillance.Detection.Statistics;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class DescriptiveTests
{
    private const double Precision = 12;

    [Fact]
    public void Quartiles_interpolate_between_closest_ranks_like_r_type_7()
    {
        // Sorted 1, 2, 3, 4, 5, 10 (n = 6), given unsorted. h = (n - 1)p = 5p:
        //   Q1: h = 1.25 → x[1] + 0.25 (x[2] - x[1]) = 2 + 0.25 × 1 = 2.25
        //   median: h = 2.5 → x[2] + 0.5 (x[3] - x[2]) = 3 + 0.5 = 3.5
        //   Q3: h = 3.75 → x[3] + 0.75 (x[4] - x[3]) = 4 + 0.75 = 4.75
        // R: quantile(c(1, 2, 3, 4, 5, 10)) gives 2.25, 3.5, 4.75.
        double[] values = [10, 3, 1, 5, 2, 4];

        Assert.Equal(2.25, Descriptive.Quantile(values, 0.25), Precision);
        Assert.Equal(3.5, Descriptive.Quantile(values, 0.5), Precision);
        Assert.Equal(4.75, Descriptive.Quantile(values, 0.75), Precision);
    }

    [Fact]
    public void Quartiles_of_seven_values_interpolate_at_halves()
    {
        // Sorted 2, 4, 4, 5, 7, 9, 20; h = 6p: Q1 at 1.5 → 4 + 0.5 × 0 = 4; median at 3 → 5;
        // Q3 at 4.5 → 7 + 0.5 × (9 - 7) = 8.
        double[] values = [20, 4, 9, 2, 7, 4, 5];

        Assert.Equal(4, Descriptive.Quantile(values, 0.25), Precision);
        Assert.Equal(5, Descriptive.Quantile(values, 0.5), Precision);
        Assert.Equal(8, Descriptive.Quantile(values, 0.75), Precision);
    }

    [Fact]
    public void The_extreme_quantiles_are_the_minimum_and_maximum()
    {
        double[] values = [4, 1, 9];

        Assert.Equal(1, Descriptive.Quantile(values, 0));
        Assert.Equal(9, Descriptive.Quantile(values, 1));
        Assert.Equal(7, Descriptive.Quantile([7], 0.75));
    }

    [Fact]
    public void The_standard_deviation_divides_by_n_minus_one()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32;
        // 32 / 7 = 4.571 (not 32 / 8 = 4).
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];

        Assert.Equal(5, Descriptive.Mean(values), Precision);
        Assert.Equal(Math.Sqrt(32d / 7), Descriptive.SampleStandardDeviation(values), Precision);
    }

    [Fact]
    public void A_standard_deviation_needs_two_values() =>
        Assert.Throws<ArgumentException>(() => Descriptive.SampleStandardDeviation([3]));
}
