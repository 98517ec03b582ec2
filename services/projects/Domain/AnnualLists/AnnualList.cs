using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain.AnnualLists;

public enum AnnualListStatus
{
    Open = 1,
    Compiled = 2,
    Recommended = 3,
    Adopted = 4,
}

/// <summary>A project on the list, as it stood when nominated.</summary>
public sealed record ListEntry(Guid ProjectId, string Country, string Title, Money Budget)
{
    /// <summary>Why the FMM's adoption did not apply to this project, if it did not.</summary>
    public string? AdoptionRefusal { get; init; }
}

/// <summary>
/// The annual project list of para 5: countries nominate their endorsed projects for the year
/// until the deadline; the secretariat compiles the list; the SOM recommends it; the FMM adopts
/// it. The two decisions are the meetings service's and arrive as events.
/// </summary>
public sealed class AnnualList
{
    private AnnualList()
    {
    }

    public int Year { get; private set; }
    public AnnualListStatus Status { get; private set; }
    public DateTimeOffset NominationDeadline { get; private set; }
    public List<ListEntry> Entries { get; private set; } = [];
    public string? RecommendedBy { get; private set; }
    public string? AdoptedBy { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static AnnualList Open(int year, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (year is < 2016 or > 2100)
        {
            throw new ValidationException("year", "must be a year between 2016 and 2100");
        }

        if (deadline <= now)
        {
            throw new ValidationException("nomination_deadline", "must be in the future");
        }

        return new AnnualList { Year = year, Status = AnnualListStatus.Open, NominationDeadline = deadline, Version = 1, UpdatedAt = now };
    }

    public void Nominate(Project project, DateTimeOffset now)
    {
        EnsureOpen(now);
        if (project.Status != ProjectStatus.Endorsed)
        {
            throw new RuleViolationException("annual-list.not-endorsed",
                $"Only projects endorsed by their joint working group go on the list; this one is {project.Status.ToString().ToLowerInvariant()}.");
        }

        if (Entries.Any(e => e.ProjectId == project.Id))
        {
            return;
        }

        Entries = [.. Entries, new ListEntry(project.Id, project.LeadCountry, project.Title, project.Budget)];
        Touch(now);
    }

    public void Withdraw(Guid projectId, DateTimeOffset now)
    {
        EnsureOpen(now);
        if (Entries.All(e => e.ProjectId != projectId))
        {
            throw new NotFoundException("Nomination", projectId.ToString());
        }

        Entries = Entries.Where(e => e.ProjectId != projectId).ToList();
        Touch(now);
    }

    public void Compile(DateTimeOffset now)
    {
        if (Status != AnnualListStatus.Open)
        {
            throw new RuleViolationException("annual-list.not-open", $"The {Year} list is already {Status.ToString().ToLowerInvariant()}.");
        }

        if (now < NominationDeadline)
        {
            throw new RuleViolationException("annual-list.before-deadline", $"Countries may nominate until {NominationDeadline:u}; compile after that.");
        }

        if (Entries.Count == 0)
        {
            throw new RuleViolationException("annual-list.empty", $"No country nominated a project for {Year}.");
        }

        Status = AnnualListStatus.Compiled;
        Touch(now);
    }

    /// <summary>The SOM's recommendation (para 5). Repeating the same decision changes nothing.</summary>
    public void Recommend(string decision, DateTimeOffset now)
    {
        if (Status is AnnualListStatus.Recommended or AnnualListStatus.Adopted)
        {
            return;
        }

        if (Status != AnnualListStatus.Compiled)
        {
            throw new RuleViolationException("annual-list.not-compiled", $"The {Year} list must be compiled before the SOM recommends it.");
        }

        Status = AnnualListStatus.Recommended;
        RecommendedBy = decision;
        Touch(now);
    }

    /// <summary>The FMM's adoption: records which listed projects it applied to and which it could not.</summary>
    public void Adopt(string decision, IReadOnlyDictionary<Guid, string?> refusals, DateTimeOffset now)
    {
        Status = AnnualListStatus.Adopted;
        AdoptedBy = decision;
        Entries = Entries.Select(e => refusals.TryGetValue(e.ProjectId, out var refusal) ? e with { AdoptionRefusal = refusal } : e).ToList();
        Touch(now);
    }

    public void EnsureVersion(long expected) => ConcurrencyException.ThrowIfStale("Annual list", Year, expected, Version);

    private void EnsureOpen(DateTimeOffset now)
    {
        if (Status != AnnualListStatus.Open)
        {
            throw new RuleViolationException("annual-list.not-open", $"The {Year} list is {Status.ToString().ToLowerInvariant()}; nominations are closed.");
        }

        if (now >= NominationDeadline)
        {
            throw new RuleViolationException("annual-list.deadline-passed", $"The nomination deadline for {Year} ({NominationDeadline:u}) has passed.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
