using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Contracts;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Application;

/// <summary>
/// Progress reports (the lead country reports, the area's JWG reviews; acceptance is published
/// for the Special Fund's tranches and fills the indicators' actual values) and supervision
/// assessments (para 94).
/// </summary>
public sealed class MonitoringCommands(ProjectsDbContext db, TimeProvider time)
{
    public async Task<ProgressReport> SubmitReportAsync(
        Caller caller, Guid projectId, string? periodStart, string? periodEnd, int percentComplete, IReadOnlyList<Milestone> milestones,
        IReadOnlyList<IndicatorActual> actuals, string? narrative, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(projectId, cancellationToken);
        caller.EnsureActsFor(project.LeadCountry, $"report on a project {project.LeadCountry} leads");
        var errors = new ValidationErrors();
        var start = Domain.Iati.IatiRules.Date(periodStart, "period_start", errors);
        var end = Domain.Iati.IatiRules.Date(periodEnd, "period_end", errors);
        var report = ProgressReport.Submit(project, start, end, percentComplete, milestones, actuals, narrative, caller.Subject, Now(), errors);
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async Task<ProgressReport> ReviewReportAsync(Caller caller, Guid projectId, Guid reportId, bool accept, string? comment, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("Project", projectId.ToString());
        if (!caller.IsJwgMember(project.PriorityArea))
        {
            throw new ForbiddenException($"Only members of the {project.PriorityArea} joint working group review this project's reports.");
        }

        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == reportId && r.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Progress report", reportId.ToString());
        var now = Now();
        if (accept)
        {
            report.Accept(caller.Subject, comment, now);
            if (report.IndicatorActuals.Count > 0)
            {
                project.ApplyIndicatorActuals(report.IndicatorActuals, now);
            }

            db.Publish(new ProgressReportAccepted(project.Id, report.Id, project.LeadCountry, project.PriorityArea, report.PeriodStart, report.PeriodEnd,
                report.PercentComplete, caller.Subject, now), project.Id);
        }
        else
        {
            report.Return(caller.Subject, comment, now);
            db.Publish(new ProgressReportReturned(project.Id, report.Id, project.LeadCountry, caller.Subject, report.ReviewComment!, now), project.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async Task<IReadOnlyList<ProgressReport>> ReportsAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await ProjectAsync(projectId, cancellationToken);
        return await db.ProgressReports.AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<Assessment> RecordAssessmentAsync(
        Caller caller, Guid projectId, AssessorKind kind, string? thirdParty, string? assessedOn, AssessmentRating rating, IReadOnlyList<string> findings,
        string? recommendations, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(projectId, cancellationToken);
        var errors = new ValidationErrors();
        string assessor;
        switch (kind)
        {
            case AssessorKind.NationalSecretariat:
                caller.EnsureRole(LmcRoles.Secretariat, "assess projects for a national secretariat");
                if (caller.Country is null || (caller.Country != project.LeadCountry && !project.PartnerCountries.Contains(caller.Country)))
                {
                    throw new ForbiddenException("A national secretariat assesses only projects its country leads or takes part in.");
                }

                assessor = caller.Country;
                break;
            case AssessorKind.ThirdParty:
                caller.EnsureRole(LmcRoles.Admin, "record a third party's assessment");
                assessor = thirdParty?.Trim() ?? "";
                if (assessor.Length is < 3 or > 300)
                {
                    errors.Add("third_party", "name the third party, 3 to 300 characters");
                }

                break;
            default:
                throw new ValidationException("assessor_kind", "must be national secretariat or third party");
        }

        var date = Domain.Iati.IatiRules.Date(assessedOn, "assessed_on", errors);
        var assessment = Assessment.Record(project, kind, assessor, date, rating, findings, recommendations, caller.Subject, Now(), errors);
        db.Assessments.Add(assessment);
        db.Publish(new AssessmentRecorded(project.Id, assessment.Id, kind.ToString(), assessor, (int)rating, assessment.RecordedAt), project.Id);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public async Task<IReadOnlyList<Assessment>> AssessmentsAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await ProjectAsync(projectId, cancellationToken);
        return await db.Assessments.AsNoTracking().Where(a => a.ProjectId == projectId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    private async Task<Project> ProjectAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
        ?? throw new NotFoundException("Project", projectId.ToString());

    private DateTimeOffset Now() => time.GetUtcNow().ToMicroseconds();
}
