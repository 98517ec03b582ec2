using System.Globalization;
using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Domain.Catalogue;
using Lmc.Projects.Domain.Iati;

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

    // IATI 2.03 and the Plan of Action.
    public string IatiIdentifier { get; private set; } = "";
    public string PlanId { get; private set; } = "";
    public List<int> Paragraphs { get; private set; } = [];
    public List<SectorShare> Sectors { get; private set; } = [];
    public List<ParticipatingOrganisation> Organisations { get; private set; } = [];
    public List<BudgetLine> BudgetLines { get; private set; } = [];
    public List<Result> Results { get; private set; } = [];
    public DateOnly? ActualStart { get; private set; }
    public DateOnly? ActualEnd { get; private set; }
    public int? AdoptedForYear { get; private set; }

    /// <summary>
    /// Checks everything a proposal must satisfy, reporting every problem at once: the LMC rules
    /// (members, areas, dates, money) and IATI's (sectors summing to 100, money with currency and
    /// value date, identifiers of the reporting organisation), and paragraphs of the Plan of
    /// Action in force at the planned start.
    /// </summary>
    public static ValidProposal Validate(ProjectProposal proposal, PlanCatalogue catalogue, string iatiPrefix)
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

        var plan = start is { } s ? catalogue.PlanFor(s.Year) : null;
        if (start is not null && plan is null)
        {
            errors.Add("planned_start_date", $"no Plan of Action covers {start.Value.Year}");
        }

        if (proposal.Paragraphs.Count == 0)
        {
            errors.Add("paragraphs", "tag at least one paragraph of the Plan of Action the project serves");
        }

        foreach (var number in proposal.Paragraphs.Distinct())
        {
            if (plan is not null && plan.Paragraph(number) is null)
            {
                errors.Add("paragraphs", $"paragraph {number} is not in the Plan of Action {plan.Id}");
            }
        }

        var identifier = proposal.IatiIdentifier?.Trim();
        if (!string.IsNullOrEmpty(identifier) && (!identifier.StartsWith(iatiPrefix + "-", StringComparison.Ordinal) || identifier.Length > 150
            || identifier.Any(char.IsWhiteSpace)))
        {
            errors.Add("iati_identifier", $"must start with the reporting organisation's reference '{iatiPrefix}-' and have no spaces");
        }

        var sectors = IatiRules.Sectors(proposal.Sectors, errors);
        var organisations = IatiRules.Organisations(proposal.Organisations, errors);
        var budgetLines = proposal.BudgetLines.Select((b, i) => (Line: IatiRules.Budget(b, $"budget_lines[{i}]", errors), Input: b)).ToList();
        if (budgetLines.Any(b => b.Input.Type != 1))
        {
            errors.Add("budget_lines", "a proposal carries original budgets (type 1); revisions come later");
        }

        var results = IatiRules.Results(proposal.Results, errors);

        errors.ThrowIfAny();
        return new ValidProposal(
            proposal.LeadCountry!, partners, proposal.PriorityArea!, title, description, budget!, start!.Value, end!.Value,
            string.IsNullOrEmpty(identifier) ? null : identifier, plan!.Id, [.. proposal.Paragraphs.Distinct().Order()], sectors, organisations,
            [.. budgetLines.Select(b => b.Line!)], results);
    }

    public static Project Propose(ValidProposal proposal, string proposedBy, string iatiPrefix, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new Project
        {
            Id = id,
            IatiIdentifier = proposal.IatiIdentifier ?? $"{iatiPrefix}-{proposal.LeadCountry}-{id:N}",
            PlanId = proposal.PlanId,
            Paragraphs = [.. proposal.Paragraphs],
            Sectors = [.. proposal.Sectors],
            Organisations = [.. proposal.Organisations],
            BudgetLines = [.. proposal.BudgetLines],
            Results = [.. proposal.Results],
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
    }

    public void Submit(DateTimeOffset now) => MoveTo(ProjectStatus.Submitted, "submitted", now, ProjectStatus.Proposed);

    public void Endorse(string endorsedBy, DateTimeOffset now)
    {
        MoveTo(ProjectStatus.Endorsed, "endorsed", now, ProjectStatus.Submitted);
        EndorsedBy = endorsedBy;
    }

    /// <summary>Adopted with the annual project list of <paramref name="year"/> (the FMM's decision).</summary>
    public void Adopt(int year, DateTimeOffset now)
    {
        MoveTo(ProjectStatus.Adopted, "adopted", now, ProjectStatus.Endorsed);
        AdoptedForYear = year;
    }

    public void Start(DateTimeOffset now)
    {
        MoveTo(ProjectStatus.InProgress, "started", now, ProjectStatus.Adopted);
        ActualStart = DateOnly.FromDateTime(now.UtcDateTime);
    }

    public void Complete(DateTimeOffset now)
    {
        MoveTo(ProjectStatus.Completed, "completed", now, ProjectStatus.InProgress);
        ActualEnd = DateOnly.FromDateTime(now.UtcDateTime);
    }

    /// <summary>Adds a revised budget (IATI type 2); the original and earlier revisions stay on record.</summary>
    public void ReviseBudget(BudgetLineInput input, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (input.Type != 2)
        {
            errors.Add("budget.type", "a revision is budget type 2");
        }

        var line = IatiRules.Budget(input, "budget", errors);
        errors.ThrowIfAny();
        if (Status.IsFinal())
        {
            throw new RuleViolationException("project.finished", $"A project that is {Describe(Status)} has no budget left to revise.");
        }

        BudgetLines = [.. BudgetLines, line!];
        Version++;
        UpdatedAt = now;
    }

    /// <summary>An accepted progress report's indicator actuals become the results' actual values.</summary>
    public void ApplyIndicatorActuals(IEnumerable<Monitoring.IndicatorActual> actuals, DateTimeOffset now)
    {
        var results = Results.ToList();
        foreach (var actual in actuals)
        {
            var result = results[actual.Result];
            var indicators = result.Indicators.ToList();
            var periods = indicators[actual.Indicator].Periods.ToList();
            periods[actual.Period] = periods[actual.Period] with { Actual = actual.Value };
            indicators[actual.Indicator] = indicators[actual.Indicator] with { Periods = periods };
            results[actual.Result] = result with { Indicators = indicators };
        }

        Results = results;
        Version++;
        UpdatedAt = now;
    }

    /// <summary>The budget lines in force: for each period the latest revision, else the original.</summary>
    public IEnumerable<BudgetLine> CurrentBudgetLines() => BudgetLines
        .Select((line, order) => (line, order))
        .GroupBy(x => (x.line.PeriodStart, x.line.PeriodEnd))
        .Select(g => g.OrderByDescending(x => x.line.Type).ThenByDescending(x => x.order).First().line);

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
    public void EnsureVersion(long expected) => ConcurrencyException.ThrowIfStale("Project", Id, expected, Version);

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

    private static DateOnly? ParseDate(string? value, string field, ValidationErrors errors) => IatiRules.Date(value, field, errors);
}
