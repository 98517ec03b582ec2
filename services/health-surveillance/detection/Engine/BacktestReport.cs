using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>What the configured methods would have said on every week of a history.</summary>
/// <param name="From">The first week of the history.</param>
/// <param name="To">The last week of the history.</param>
/// <param name="Evaluations">Every week, every method: by week, then in the configured order (EARS, then the channel).</param>
/// <param name="Signals">The evaluations that alarmed.</param>
/// <param name="Outbreaks">Outbreaks found by the endemic channel's two-week rule; empty without a channel.</param>
public sealed record BacktestReport(
    EpiWeek From,
    EpiWeek To,
    IReadOnlyList<Evaluation> Evaluations,
    IReadOnlyList<Evaluation> Signals,
    IReadOnlyList<OutbreakEpisode> Outbreaks);
