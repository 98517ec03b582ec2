using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain.Monitoring;

public enum ProgressReportStatus
{
    Submitted = 1,
    Accepted = 2,
    Returned = 3,
}

public enum MilestoneStatus
{
    Done = 1,
    OnTrack = 2,
    Delayed = 3,
}

public sealed record Milestone(string Title, MilestoneStatus Status, string? Note);

/// <summary>The actual value of one indicator period of the project's results, by position.</summary>
public sealed record IndicatorActual(int Result, int Indicator, int Period, decimal Value);

/// <summary>
/// A progress report of a project for a period: how far it is, its milestones, the actual values
/// of its indicators, in the lead country's words. The area's JWG accepts it (the Special Fund
/// releases a tranche on that) or returns it with what must change.
/// </summary>
public sealed class ProgressReport
{
    private ProgressReport()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public int PercentComplete { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];
    public List<IndicatorActual> IndicatorActuals { get; private set; } = [];
    public string Narrative { get; private set; } = "";
    public ProgressReportStatus Status { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public string? ReviewedBy { get; private set; }
    public string? ReviewComment { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public long Version { get; private set; }

    public static ProgressReport Submit(
        Project project, DateOnly? periodStart, DateOnly? periodEnd, int percentComplete, IReadOnlyList<Milestone> milestones,
        IReadOnlyList<IndicatorActual> actuals, string? narrative, string submittedBy, DateTimeOffset now, ValidationErrors errors)
    {
        if (project.Status is not (ProjectStatus.InProgress or ProjectStatus.Completed))
        {
            throw new RuleViolationException("progress-report.not-running",
                $"Progress is reported on projects in progress or just completed; this one is {project.Status.ToString().ToLowerInvariant()}.");
        }

        if (periodStart is { } start && periodEnd is { } end && end < start)
        {
            errors.Add("period_end", "must not be before the period's start");
        }

        if (percentComplete is < 0 or > 100)
        {
            errors.Add("percent_complete", "must be 0 to 100");
        }

        if (milestones.Any(m => string.IsNullOrWhiteSpace(m.Title) || !Enum.IsDefined(m.Status)))
        {
            errors.Add("milestones", "each milestone needs a title and a status (done, on track, delayed)");
        }

        foreach (var actual in actuals)
        {
            var exists = actual.Result >= 0 && actual.Result < project.Results.Count
                && actual.Indicator >= 0 && actual.Indicator < project.Results[actual.Result].Indicators.Count
                && actual.Period >= 0 && actual.Period < project.Results[actual.Result].Indicators[actual.Indicator].Periods.Count;
            if (!exists)
            {
                errors.Add("indicator_actuals", $"result {actual.Result}, indicator {actual.Indicator}, period {actual.Period} is not in the project's results");
            }
        }

        var text = narrative?.Trim() ?? "";
        if (text.Length is < 20 or > 20000)
        {
            errors.Add("narrative", "must tell what was done, in 20 to 20000 characters");
        }

        errors.ThrowIfAny();
        return new ProgressReport
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            PeriodStart = periodStart!.Value,
            PeriodEnd = periodEnd!.Value,
            PercentComplete = percentComplete,
            Milestones = [.. milestones],
            IndicatorActuals = [.. actuals],
            Narrative = text,
            Status = ProgressReportStatus.Submitted,
            SubmittedBy = submittedBy,
            SubmittedAt = now,
            Version = 1,
        };
    }

    public void Accept(string reviewer, string? comment, DateTimeOffset now) => Review(ProgressReportStatus.Accepted, reviewer, comment, now);

    public void Return(string reviewer, string? comment, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ValidationException("comment", "say what must change when returning a report");
        }

        Review(ProgressReportStatus.Returned, reviewer, comment, now);
    }

    private void Review(ProgressReportStatus outcome, string reviewer, string? comment, DateTimeOffset now)
    {
        if (Status != ProgressReportStatus.Submitted)
        {
            throw new RuleViolationException("progress-report.already-reviewed", $"This report was already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = outcome;
        ReviewedBy = reviewer;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedAt = now;
        Version++;
    }
}
