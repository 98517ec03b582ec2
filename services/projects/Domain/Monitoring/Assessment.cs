using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain.Monitoring;

public enum AssessorKind
{
    NationalSecretariat = 1,
    ThirdParty = 2,
}

public enum AssessmentRating
{
    HighlySatisfactory = 1,
    Satisfactory = 2,
    PartlyUnsatisfactory = 3,
    Unsatisfactory = 4,
}

/// <summary>
/// A supervision assessment of a major activity (para 94): by the national secretariat of a
/// country taking part, or by a third party, with a rating, findings and recommendations.
/// </summary>
public sealed class Assessment
{
    private Assessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public AssessorKind AssessorKind { get; private set; }
    public string Assessor { get; private set; } = "";
    public DateOnly AssessedOn { get; private set; }
    public AssessmentRating Rating { get; private set; }
    public List<string> Findings { get; private set; } = [];
    public string Recommendations { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static Assessment Record(
        Project project, AssessorKind kind, string assessor, DateOnly? assessedOn, AssessmentRating rating, IEnumerable<string> findings,
        string? recommendations, string recordedBy, DateTimeOffset now, ValidationErrors errors)
    {
        if (project.Status is ProjectStatus.Proposed or ProjectStatus.Submitted or ProjectStatus.Endorsed or ProjectStatus.Cancelled)
        {
            throw new RuleViolationException("assessment.not-implemented", "Only adopted projects, running or completed, are supervised.");
        }

        if (!Enum.IsDefined(rating))
        {
            errors.Add("rating", "must be highly satisfactory, satisfactory, partly unsatisfactory or unsatisfactory");
        }

        if (assessedOn is { } date && DateOnly.FromDateTime(now.UtcDateTime) < date)
        {
            errors.Add("assessed_on", "must not be in the future");
        }

        var findingList = findings.Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        if (findingList.Count == 0)
        {
            errors.Add("findings", "at least one finding is needed");
        }

        errors.ThrowIfAny();
        return new Assessment
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            AssessorKind = kind,
            Assessor = assessor,
            AssessedOn = assessedOn!.Value,
            Rating = rating,
            Findings = findingList,
            Recommendations = recommendations?.Trim() ?? "",
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}
