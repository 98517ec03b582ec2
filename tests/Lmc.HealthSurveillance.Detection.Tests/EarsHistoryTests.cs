using Lmc.HealthSurveillance.Detection.Ears;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EarsHistoryTests
{
    private static double[] Periods(int count) => [.. Enumerable.Range(0, count).Select(i => (double)(i % 3))];

    [Theory]
    // C1 needs 7 earlier periods, C2 9 (7 + a guard band of 2), C3 11 (C2 at t-2 needs 9 before it).
    [InlineData(EarsMethod.C1, 7)]
    [InlineData(EarsMethod.C2, 9)]
    [InlineData(EarsMethod.C3, 11)]
    public void A_period_with_one_earlier_period_too_few_is_insufficient_and_the_next_is_evaluated(EarsMethod method, int required)
    {
        Assert.Equal(required, EarsC.RequiredHistory(method));
        // A huge value at t must still not alarm when the method cannot judge it.
        double[] values = [.. Periods(required), 1000];

        var tooShort = EarsC.Evaluate(method, values, required - 1);
        var enough = EarsC.Evaluate(method, values, required);

        Assert.Equal(EvaluationStatus.InsufficientHistory, tooShort.Status);
        Assert.False(tooShort.Alarm);
        Assert.Null(tooShort.Statistic);
        Assert.Null(tooShort.Threshold);
        Assert.Null(tooShort.BaselineMean);
        Assert.Contains($"{method} needs {required} earlier periods", tooShort.Note, StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Evaluated, enough.Status);
        Assert.True(enough.Alarm);
        Assert.Null(enough.Note);
    }

    [Fact]
    public void Six_earlier_periods_are_insufficient_for_c1()
    {
        var result = EarsC.C1([1, 2, 3, 1, 2, 3, 50], 6);

        Assert.Equal(EvaluationStatus.InsufficientHistory, result.Status);
    }

    [Fact]
    public void Eight_earlier_periods_are_insufficient_for_c2_but_enough_for_c1()
    {
        double[] values = [1, 2, 3, 1, 2, 3, 1, 2, 50];

        Assert.Equal(EvaluationStatus.InsufficientHistory, EarsC.C2(values, 8).Status);
        Assert.Equal(EvaluationStatus.Evaluated, EarsC.C1(values, 8).Status);
    }

    [Fact]
    public void C3_needs_three_c2_values()
    {
        // With 10 earlier periods C2 exists at t-1 and t, not at t-2.
        var values = Periods(11);

        Assert.Equal(EvaluationStatus.Evaluated, EarsC.C2(values, 9).Status);
        Assert.Equal(EvaluationStatus.InsufficientHistory, EarsC.C2(values, 8).Status);
        Assert.Equal(EvaluationStatus.InsufficientHistory, EarsC.C3(values, 10).Status);
    }

    [Fact]
    public void Evaluating_a_whole_series_marks_the_first_periods_insufficient()
    {
        var results = EarsC.EvaluateAll(EarsMethod.C2, Periods(12));

        Assert.Equal(12, results.Count);
        Assert.All(results.Take(9), r => Assert.Equal(EvaluationStatus.InsufficientHistory, r.Status));
        Assert.All(results.Skip(9), r => Assert.Equal(EvaluationStatus.Evaluated, r.Status));
        Assert.Equal(Enumerable.Range(0, 12), results.Select(r => r.Index));
    }

    [Fact]
    public void A_non_finite_value_in_the_baseline_is_refused() =>
        Assert.Throws<ArgumentException>(() => EarsC.C1([1, 2, double.NaN, 1, 2, 3, 1, 5], 7));
}
