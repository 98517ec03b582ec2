using Lmc.HealthSurveillance.Detection.Ears;
using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>One EARS method as an <see cref="IDetectionMethod"/>.</summary>
public sealed class EarsDetection(EarsMethod ears, EarsParameters parameters) : IDetectionMethod
{
    private readonly EarsParameters _parameters = Validated(parameters);

    public DetectionMethod Method { get; } = ears switch
    {
        EarsMethod.C1 => DetectionMethod.EarsC1,
        EarsMethod.C2 => DetectionMethod.EarsC2,
        EarsMethod.C3 => DetectionMethod.EarsC3,
        _ => throw new ArgumentOutOfRangeException(nameof(ears), ears, "Unknown EARS method."),
    };

    public Evaluation Evaluate(WeeklySeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(series);
        var result = EarsC.Evaluate(ears, series.Values, index, _parameters);
        return new Evaluation(Method, series.WeekAt(index), result.Observed, result.Status,
            result.Statistic, result.Threshold, result.Alarm, Note: result.Note);
    }

    private static EarsParameters Validated(EarsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        return parameters;
    }
}
