using Lmc.BuildingBlocks.Domain;

namespace Lmc.Meetings.Domain;

/// <summary>From a date on, the Mekong country that co-chairs with China.</summary>
public sealed record CoChairTerm(DateOnly From, string Country);

/// <summary>
/// The co-chairmanship rotates among the Mekong countries (DOMAIN.md); which country holds it
/// when is configuration, not code, because the members settle it among themselves.
/// </summary>
public sealed class CoChairRotation(IEnumerable<CoChairTerm> terms)
{
    private readonly List<CoChairTerm> _terms = [.. terms.OrderBy(t => t.From)];

    public IReadOnlyList<string> CoChairsOn(DateOnly date)
    {
        var term = _terms.LastOrDefault(t => t.From <= date)
            ?? throw new RuleViolationException("co-chair.unknown", $"The co-chair rotation has no term covering {date:yyyy-MM-dd}; name the co-chairs.");
        return [MemberCountries.China, term.Country];
    }
}
