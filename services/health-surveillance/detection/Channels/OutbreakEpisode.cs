using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>
/// One outbreak found by the two-week rule. The outbreak is dated from the first of the two
/// weeks above the channel (<see cref="Start"/>), because that is when cases began to exceed it;
/// the rule can only declare it a week later (<see cref="Declared"/>). Likewise it ends with the
/// last week above (<see cref="End"/>) and is closed at the second of the two weeks below
/// (<see cref="Closed"/>). Reports of the outbreak's duration use Start..End; alert timing uses
/// Declared and Closed.
/// </summary>
/// <param name="Start">The first of the two weeks above that began the outbreak.</param>
/// <param name="Declared">The second of them, when the rule fires.</param>
/// <param name="End">The last week above before the two weeks below; null while the outbreak is ongoing.</param>
/// <param name="Closed">The second of the two weeks below; null while the outbreak is ongoing.</param>
public sealed record OutbreakEpisode(EpiWeek Start, EpiWeek Declared, EpiWeek? End, EpiWeek? Closed)
{
    public bool IsOngoing => Closed is null;

    /// <summary>Whether the outbreak had been declared and not yet closed in <paramref name="week"/>.</summary>
    public bool IsOpenIn(EpiWeek week) => week >= Declared && (Closed is null || week < Closed.Value);
}
