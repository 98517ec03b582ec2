using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>One method's verdict on one week, in the same shape for every method.</summary>
/// <param name="Method">The method that judged the week.</param>
/// <param name="Week">The week judged.</param>
/// <param name="Observed">Its reported value.</param>
/// <param name="Status">Evaluated, or InsufficientHistory (no numbers, no alarm; see <paramref name="Note"/>).</param>
/// <param name="Statistic">
/// EARS: (x - m)/s for C1 and C2, the sum for C3. Endemic channel: the observed value itself,
/// since the channel compares counts with counts.
/// </param>
/// <param name="Threshold">
/// What the statistic is compared with: m + k·s (cases) for C1 and C2, the C3 threshold for C3,
/// the upper limit (Q3 or mean + kSD) for the channel.
/// </param>
/// <param name="Alarm">
/// EARS: the week crosses the threshold. Endemic channel: an outbreak declared by the two-week
/// rule is open in this week (from its declaration until, excluding, the week it is closed).
/// </param>
/// <param name="Zone">The channel zone; null for EARS.</param>
/// <param name="Note">Why the week was not evaluated, or what the channel rule saw.</param>
public sealed record Evaluation(
    DetectionMethod Method,
    EpiWeek Week,
    double Observed,
    EvaluationStatus Status,
    double? Statistic,
    double? Threshold,
    bool Alarm,
    ChannelZone? Zone = null,
    string? Note = null);
