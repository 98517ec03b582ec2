using Lmc.BuildingBlocks.Domain;

namespace Lmc.Meetings.Domain;

/// <summary>What consensus among the six gave: adopted, or who blocked it and who was missing.</summary>
public sealed record ConsensusOutcome(bool Adopted, IReadOnlyList<string> Objecting, IReadOnlyList<string> Absent)
{
    public string Explain() => Adopted
        ? "Adopted by consensus."
        : string.Join(" ", new[]
        {
            Objecting.Count > 0 ? $"Objected to by {string.Join(", ", Objecting)}." : null,
            Absent.Count > 0 ? $"Not present: {string.Join(", ", Absent)}." : null,
        }.Where(s => s is not null));
}

/// <summary>
/// Our consensus rule (DOMAIN.md): in a meeting, a decision is adopted only when all six members
/// are present and none objects. A member with no recorded position counts as not present: the
/// record must show every member's position, not assume it.
/// </summary>
public static class Consensus
{
    public static ConsensusOutcome InMeeting(IEnumerable<Position> positions)
    {
        var byCountry = positions.ToDictionary(p => p.Country, p => p.Kind, StringComparer.Ordinal);
        var objecting = MemberCountries.All.Order(StringComparer.Ordinal)
            .Where(c => byCountry.GetValueOrDefault(c) == PositionKind.Objection).ToList();
        var absent = MemberCountries.All.Order(StringComparer.Ordinal)
            .Where(c => !byCountry.TryGetValue(c, out var kind) || kind == PositionKind.Absent).ToList();
        return new ConsensusOutcome(objecting.Count == 0 && absent.Count == 0, objecting, absent);
    }
}
