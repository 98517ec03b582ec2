using Lmc.Meetings.Domain;

namespace Lmc.Meetings.Tests;

/// <summary>The consensus rule as a property over every combination of the six members' positions.</summary>
public sealed class ConsensusTests
{
    private static readonly string[] Members = ["CN", "KH", "LA", "MM", "TH", "VN"];

    // Each member: one of the five positions, or none recorded at all.
    private static readonly PositionKind?[] Choices =
        [PositionKind.Support, PositionKind.NoObjection, PositionKind.Reservation, PositionKind.Objection, PositionKind.Absent, null];

    [Fact]
    public void Adopted_exactly_when_all_six_are_present_and_none_objects_for_every_combination()
    {
        var combinations = 0;
        foreach (var assignment in Assignments(Members.Length))
        {
            var positions = Members.Zip(assignment)
                .Where(p => p.Second is not null)
                .Select(p => new Position(p.First, p.Second!.Value, "text", null, DateTimeOffset.UnixEpoch, "test"))
                .ToList();
            var outcome = Consensus.InMeeting(positions);

            var anyObjection = assignment.Any(k => k == PositionKind.Objection);
            var anyMissing = assignment.Any(k => k is null or PositionKind.Absent);
            Assert.Equal(!anyObjection && !anyMissing, outcome.Adopted);
            Assert.Equal(Members.Where((_, i) => assignment[i] == PositionKind.Objection), outcome.Objecting);
            Assert.Equal(Members.Where((_, i) => assignment[i] is null or PositionKind.Absent), outcome.Absent);
            combinations++;
        }

        Assert.Equal(46_656, combinations); // 6^6
    }

    [Fact]
    public void A_refusal_names_who_objected_and_who_was_not_present()
    {
        var positions = new[]
        {
            new Position("CN", PositionKind.Support, null, null, DateTimeOffset.UnixEpoch, "t"),
            new Position("TH", PositionKind.Objection, "no", null, DateTimeOffset.UnixEpoch, "t"),
            new Position("LA", PositionKind.Absent, null, null, DateTimeOffset.UnixEpoch, "t"),
        };

        var explanation = Consensus.InMeeting(positions).Explain();

        Assert.Contains("Objected to by TH.", explanation);
        Assert.Contains("Not present: KH, LA, MM, VN.", explanation);
    }

    private static IEnumerable<PositionKind?[]> Assignments(int members)
    {
        var total = (int)Math.Pow(Choices.Length, members);
        for (var n = 0; n < total; n++)
        {
            var assignment = new PositionKind?[members];
            var rest = n;
            for (var i = 0; i < members; i++)
            {
                assignment[i] = Choices[rest % Choices.Length];
                rest /= Choices.Length;
            }

            yield return assignment;
        }
    }
}
