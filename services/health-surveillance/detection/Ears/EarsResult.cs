namespace Lmc.HealthSurveillance.Detection.Ears;

/// <summary>One EARS method's verdict on one period.</summary>
/// <param name="Method">C1, C2 or C3.</param>
/// <param name="Index">The period t, as an index into the values given.</param>
/// <param name="Observed">x_t.</param>
/// <param name="Status">Evaluated, or InsufficientHistory with every number null and no alarm.</param>
/// <param name="BaselineMean">m; for C3, that of C2 at t. Null when the history is insufficient.</param>
/// <param name="BaselineStandardDeviation">s after the floor; for C3, that of C2 at t.</param>
/// <param name="Statistic">(x_t - m) / s for C1 and C2; the sum for C3.</param>
/// <param name="Threshold">
/// For C1 and C2, in cases: m + k·s, the value x_t must exceed. For C3, in statistic units: the
/// value the sum must reach.
/// </param>
/// <param name="Alarm">C1 and C2: x_t &gt; Threshold. C3: the sum ≥ Threshold.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Note">Why a period was not evaluated; null when it was.</param>
public sealed record EarsResult(
    EarsMethod Method,
    int Index,
    double Observed,
    EvaluationStatus Status,
    double? BaselineMean,
    double? BaselineStandardDeviation,
    double? Statistic,
    double? Threshold,
    bool Alarm,
    EarsParameters Parameters,
    string? Note = null);
