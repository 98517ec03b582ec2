using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain;

/// <summary>
/// A cooperation project: led by one member country, with partner countries, in one priority
/// area. Its lifecycle: proposed -> submitted -> endorsed (by the area's JWG) -> adopted (by the
/// FMM or Leaders' Meeting) -> in progress -> completed; cancelled from any unfinished state.
/// Every change increments <see cref="Version"/> (the optimistic-concurrency token).
/// </summary>
public sealed class Project
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private Project()
    {
    }

    public Guid Id { get; private set; }
    public string LeadCountry { get; private set; } = "";
    public List<string> PartnerCountries { get; private set; } = [];
    public string PriorityArea { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Money Budget { get; private set; } = null!;
    public DateOnly PlannedStart { get; private set; }
    public DateOnly PlannedEnd { get; private set; }
    public ProjectStatus Status { get; private set; }
    public long Version { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public string? EndorsedBy { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ValidProposal Validate(ProjectProposal proposal)
    {
        var errors = new ValidationErrors();
        if (!MemberCountries.IsMember(proposal.LeadCountry))
        {
            errors.Add("lead_country", "must be one of the six member countries");
        }

        var partners = new List<string>();
        foreach (var partner in proposal.PartnerCountries)
        {
            if (!MemberCountries.IsMember(partner))
            {
                errors.Add("partner_countries", "every partner must be one of the six member countries");
            }
            else if (partner == proposal.LeadCountry)
            {
                errors.Add("partner_countries", "must not include the lead country");
            }
            else if (partners.Contains(partner!))
            {
                errors.Add("partner_countries", $"lists {partner} twice");
            }
            else
            {
                partners.Add(partner!);
            }
        }

        if (!PriorityAreas.IsKnown(proposal.PriorityArea))
        {
            errors.Add("priority_area", "must be one of the five priority areas");
        }

        var title = proposal.Title?.Trim() ?? "";
        if (title.Length is < 3 or > TitleMaxLength)
        {
            errors.Add("title", $"must be 3 to {TitleMaxLength} characters");
        }

        var description = proposal.Description?.Trim() ?? "";
        if (description.Length > DescriptionMaxLength)
        {
            errors.Add("description", $"must be at most {DescriptionMaxLength} characters");
        }

        var budget = Money.TryParse(proposal.BudgetCurrency, proposal.BudgetAmount, "budget", errors);
        var start = ParseDate(proposal.PlannedStart, "planned_start_date", errors);
        var end = ParseDate(proposal.PlannedEnd, "planned_end_date", errors);
        if (start is not null && end is not null && end < start)
        {
            errors.Add("planned_end_date", "must not be before the planned start date");
        }

        errors.ThrowIfAny();
        return new ValidProposal(proposal.LeadCountry!, partners, proposal.PriorityArea!, title, description, budget!, start!.Value, end!.Value);
    }

    public static Project Propose(ValidProposal proposal, string proposedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        LeadCountry = proposal.LeadCountry,
        PartnerCountries = [.. proposal.PartnerCountries],
        PriorityArea = proposal.PriorityArea,
        Title = proposal.Title,
        Description = proposal.Description,
        Budget = proposal.Budget,
        PlannedStart = proposal.PlannedStart,
        PlannedEnd = proposal.PlannedEnd,
        Status = ProjectStatus.Proposed,
        Version = 1,
        ProposedBy = proposedBy,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Submit(DateTimeOffset now) => MoveTo(ProjectStatus.Submitted, "submitted", now, ProjectStatus.Proposed);

    public void Endorse(string endorsedBy, DateTimeOffset now)
    {
        MoveTo(ProjectStatus.Endorsed, "endorsed", now, ProjectStatus.Submitted);
        EndorsedBy = endorsedBy;
    }

    public void Adopt(DateTimeOffset now) => MoveTo(ProjectStatus.Adopted, "adopted", now, ProjectStatus.Endorsed);

    public void Start(DateTimeOffset now) => MoveTo(ProjectStatus.InProgress, "started", now, ProjectStatus.Adopted);

    public void Complete(DateTimeOffset now) => MoveTo(ProjectStatus.Completed, "completed", now, ProjectStatus.InProgress);

    public void Cancel(string reason, DateTimeOffset now)
    {
        reason = reason.Trim();
        if (reason.Length is < 3 or > 1000)
        {
            throw new ValidationException("reason", "must say why, in 3 to 1000 characters");
        }

        MoveTo(ProjectStatus.Cancelled, "cancelled", now,
            ProjectStatus.Proposed, ProjectStatus.Submitted, ProjectStatus.Endorsed, ProjectStatus.Adopted, ProjectStatus.InProgress);
        CancellationReason = reason;
    }

    /// <summary>Refuses a change made against an older version than the stored one.</summary>
    public void EnsureVersion(long expected)
    {
        if (expected != 0 && expected != Version)
        {
            throw new ConcurrencyException("Project", Id.ToString(), expected, Version);
        }
    }

    /// <summary>True when the planned period overlaps the calendar year.</summary>
    public bool IsPlannedIn(int year) => PlannedStart.Year <= year && PlannedEnd.Year >= year;

    private void MoveTo(ProjectStatus target, string verb, DateTimeOffset now, params ProjectStatus[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
        {
            throw new RuleViolationException(
                "project.invalid-transition",
                $"A project that is {Describe(Status)} cannot be {verb}; it must be {string.Join(" or ", allowedFrom.Select(Describe))}.");
        }

        Status = target;
        Version++;
        UpdatedAt = now;
    }

    private static string Describe(ProjectStatus status) => status switch
    {
        ProjectStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static DateOnly? ParseDate(string? value, string field, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        errors.Add(field, "must be a date between 2000 and 2100 written as YYYY-MM-DD");
        return null;
    }
}
