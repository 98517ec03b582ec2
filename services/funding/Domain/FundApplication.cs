using Lmc.BuildingBlocks.Domain;

namespace Lmc.Funding.Domain;

public enum ApplicationStatus
{
    Submitted = 1,
    Appraised = 2,
    Approved = 3,
    Rejected = 4,
}

/// <summary>
/// The appraisal of an application against the fund's criteria, each scored 1-5: relevance to the
/// Plan of Action, feasibility, benefit to more than one member, sustainability. It passes with a
/// total of at least 12 and no criterion below 2 (our rule, stated in the README).
/// </summary>
public sealed record Appraisal(int Relevance, int Feasibility, int RegionalBenefit, int Sustainability, string? Note, string AppraisedBy, DateTimeOffset AppraisedAt)
{
    public const int PassMark = 12;

    public int Total => Relevance + Feasibility + RegionalBenefit + Sustainability;

    public bool Passed => Total >= PassMark && new[] { Relevance, Feasibility, RegionalBenefit, Sustainability }.Min() >= 2;
}

/// <summary>What the fund knows of the project applied for, as the projects service answered.</summary>
public sealed record ProjectFacts(Guid ProjectId, string LeadCountry, string PriorityArea, string Title, bool Adopted, string Status);

/// <summary>
/// A country's application for its own adopted project under a year's call. Appraised by a fund
/// manager, then approved (by another fund manager) or rejected.
/// </summary>
public sealed class FundApplication
{
    /// <summary>An appraisal's or a rejection's note, in characters.</summary>
    public const int NoteMaxLength = 2000;

    /// <summary>The unique index that keeps one application per project and call.</summary>
    public const string OnePerCallIndex = "ux_applications_call_project";

    private FundApplication()
    {
    }

    public Guid Id { get; private set; }
    public int CallYear { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Country { get; private set; } = "";
    public string PriorityArea { get; private set; } = "";
    public string ProjectTitle { get; private set; } = "";
    public decimal RequestedUsd { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public Appraisal? Appraisal { get; private set; }
    public Guid? GrantId { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public long Version { get; private set; }

    public static FundApplication Submit(FundingCall call, ProjectFacts project, decimal requestedUsd, string by, DateTimeOffset now)
    {
        call.EnsureOpen(now);
        if (requestedUsd <= 0 || decimal.Round(requestedUsd, 2) != requestedUsd)
        {
            throw new ValidationException("requested", "must be a positive USD amount with at most two decimals");
        }

        if (requestedUsd > call.EnvelopeOf(project.LeadCountry))
        {
            throw new RuleViolationException("call.envelope", $"{project.LeadCountry}'s envelope in the {call.Year} call is USD {call.EnvelopeOf(project.LeadCountry):N2}; USD {requestedUsd:N2} exceeds it.");
        }

        return new FundApplication
        {
            Id = Guid.CreateVersion7(now),
            CallYear = call.Year,
            ProjectId = project.ProjectId,
            Country = project.LeadCountry,
            PriorityArea = project.PriorityArea,
            ProjectTitle = project.Title,
            RequestedUsd = requestedUsd,
            Status = ApplicationStatus.Submitted,
            SubmittedAt = now,
            SubmittedBy = by,
            Version = 1,
        };
    }

    public void Appraise(Appraisal appraisal)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.Appraised))
        {
            throw new RuleViolationException("application.decided", $"The application is already {Status.ToString().ToLowerInvariant()}.");
        }

        var scores = new[] { appraisal.Relevance, appraisal.Feasibility, appraisal.RegionalBenefit, appraisal.Sustainability };
        if (scores.Any(s => s is < 1 or > 5))
        {
            throw new ValidationException("scores", "each criterion is scored 1 to 5");
        }

        Appraisal = appraisal;
        Status = ApplicationStatus.Appraised;
        Version++;
    }

    /// <summary>Four eyes: the fund manager who approves is not the one who appraised.</summary>
    public void Approve(Guid grantId, string by)
    {
        EnsureApprovableBy(by);
        Status = ApplicationStatus.Approved;
        GrantId = grantId;
        Version++;
    }

    /// <summary>Whether <paramref name="by"/> may approve it now: appraised, passed, not by the appraiser.</summary>
    public void EnsureApprovableBy(string by)
    {
        if (Status is ApplicationStatus.Approved or ApplicationStatus.Rejected)
        {
            throw new RuleViolationException("application.decided", $"The application is already {Status.ToString().ToLowerInvariant()}.");
        }

        if (Status != ApplicationStatus.Appraised || Appraisal is null)
        {
            throw new RuleViolationException("application.not-appraised", "An application is approved only after its appraisal.");
        }

        if (!Appraisal.Passed)
        {
            throw new RuleViolationException("application.appraisal-failed", $"The appraisal scored {Appraisal.Total} (pass mark {Appraisal.PassMark}, no criterion below 2).");
        }

        if (Appraisal.AppraisedBy == by)
        {
            throw new RuleViolationException("application.four-eyes", "The fund manager who appraised an application does not also approve it.");
        }
    }

    public void Reject(string note)
    {
        if (Status is ApplicationStatus.Approved or ApplicationStatus.Rejected)
        {
            throw new RuleViolationException("application.decided", $"The application is already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = ApplicationStatus.Rejected;
        DecisionNote = note;
        Version++;
    }

    public void EnsureVersion(long expected) => ConcurrencyException.ThrowIfStale("Application", Id, expected, Version);
}
