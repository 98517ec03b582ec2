namespace Lmc.Meetings.Domain;

/// <summary>
/// An annual project list as the projects service compiled it (its
/// <c>lmc.projects.annual-list-compiled.v1</c> event): what the SOM may put on its agenda.
/// </summary>
public sealed class CompiledList
{
    private CompiledList()
    {
    }

    public int Year { get; private set; }
    public List<Guid> ProjectIds { get; private set; } = [];
    public DateTimeOffset CompiledAt { get; private set; }

    public static CompiledList From(int year, IReadOnlyList<Guid> projectIds, DateTimeOffset compiledAt) =>
        new() { Year = year, ProjectIds = [.. projectIds.Distinct()], CompiledAt = compiledAt };
}
