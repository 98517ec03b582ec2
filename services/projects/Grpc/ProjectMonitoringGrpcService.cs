using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Application;
using Microsoft.AspNetCore.Authorization;
using M = Lmc.Projects.Domain.Monitoring;

namespace Lmc.Projects.Grpc;

/// <summary>lmc.projects.v1.ProjectMonitoringService: progress reports and supervision assessments.</summary>
public sealed class ProjectMonitoringGrpcService(MonitoringCommands commands) : ProjectMonitoringService.ProjectMonitoringServiceBase
{
    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<SubmitProgressReportResponse> SubmitProgressReport(SubmitProgressReportRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors();
        var actuals = request.IndicatorActuals.Select(a => new M.IndicatorActual(a.Result, a.Indicator, a.Period,
            decimal.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : Invalid(errors, a.Value))).ToList();
        errors.ThrowIfAny();
        var report = await commands.SubmitReportAsync(
            context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.PeriodStart, request.PeriodEnd, request.PercentComplete,
            [.. request.Milestones.Select(m => new M.Milestone(m.Title, (M.MilestoneStatus)(int)m.Status, string.IsNullOrWhiteSpace(m.Note) ? null : m.Note))],
            actuals, request.Narrative, context.CancellationToken);
        return new SubmitProgressReportResponse { Report = ToProto(report) };
    }

    public override async Task<ReviewProgressReportResponse> ReviewProgressReport(ReviewProgressReportRequest request, ServerCallContext context)
    {
        var reportId = Lmc.BuildingBlocks.Grpc.CommonMapping.ParseId(request.ReportId, "report_id");
        var report = await commands.ReviewReportAsync(
            context.Caller(), ProjectMapping.ParseId(request.ProjectId), reportId, request.Accept, request.Comment, context.CancellationToken);
        return new ReviewProgressReportResponse { Report = ToProto(report) };
    }

    public override async Task<ListProgressReportsResponse> ListProgressReports(ListProgressReportsRequest request, ServerCallContext context)
    {
        var response = new ListProgressReportsResponse();
        response.Reports.AddRange((await commands.ReportsAsync(ProjectMapping.ParseId(request.ProjectId), context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<RecordAssessmentResponse> RecordAssessment(RecordAssessmentRequest request, ServerCallContext context)
    {
        var assessment = await commands.RecordAssessmentAsync(
            context.Caller(), ProjectMapping.ParseId(request.ProjectId), (M.AssessorKind)(int)request.AssessorKind, request.ThirdParty, request.AssessedOn,
            (M.AssessmentRating)(int)request.Rating, [.. request.Findings], request.Recommendations, context.CancellationToken);
        return new RecordAssessmentResponse { Assessment = ToProto(assessment) };
    }

    public override async Task<ListAssessmentsResponse> ListAssessments(ListAssessmentsRequest request, ServerCallContext context)
    {
        var response = new ListAssessmentsResponse();
        response.Assessments.AddRange((await commands.AssessmentsAsync(ProjectMapping.ParseId(request.ProjectId), context.CancellationToken)).Select(ToProto));
        return response;
    }

    private static decimal Invalid(ValidationErrors errors, string value)
    {
        errors.Add("indicator_actuals", $"'{value}' is not a number");
        return 0;
    }

    private static Lmc.Contracts.Projects.V1.ProgressReport ToProto(M.ProgressReport report)
    {
        var proto = new Lmc.Contracts.Projects.V1.ProgressReport
        {
            ReportId = report.Id.ToString(),
            ProjectId = report.ProjectId.ToString(),
            PeriodStart = report.PeriodStart.ToIsoDate(),
            PeriodEnd = report.PeriodEnd.ToIsoDate(),
            PercentComplete = report.PercentComplete,
            Narrative = report.Narrative,
            Status = (Lmc.Contracts.Projects.V1.ProgressReportStatus)(int)report.Status,
            SubmittedBy = report.SubmittedBy,
            ReviewedBy = report.ReviewedBy ?? "",
            ReviewComment = report.ReviewComment ?? "",
            SubmittedAt = Timestamp.FromDateTimeOffset(report.SubmittedAt),
            ReviewedAt = report.ReviewedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        proto.Milestones.AddRange(report.Milestones.Select(m => new Lmc.Contracts.Projects.V1.Milestone
        {
            Title = m.Title,
            Status = (Lmc.Contracts.Projects.V1.MilestoneStatus)(int)m.Status,
            Note = m.Note ?? "",
        }));
        proto.IndicatorActuals.AddRange(report.IndicatorActuals.Select(a => new Lmc.Contracts.Projects.V1.IndicatorActual
        {
            Result = a.Result,
            Indicator = a.Indicator,
            Period = a.Period,
            Value = a.Value.ToString("0.##########", CultureInfo.InvariantCulture),
        }));
        return proto;
    }

    private static Lmc.Contracts.Projects.V1.Assessment ToProto(M.Assessment assessment)
    {
        var proto = new Lmc.Contracts.Projects.V1.Assessment
        {
            AssessmentId = assessment.Id.ToString(),
            ProjectId = assessment.ProjectId.ToString(),
            AssessorKind = (Lmc.Contracts.Projects.V1.AssessorKind)(int)assessment.AssessorKind,
            Assessor = assessment.Assessor,
            AssessedOn = assessment.AssessedOn.ToIsoDate(),
            Rating = (Lmc.Contracts.Projects.V1.AssessmentRating)(int)assessment.Rating,
            Recommendations = assessment.Recommendations,
            RecordedAt = Timestamp.FromDateTimeOffset(assessment.RecordedAt),
        };
        proto.Findings.AddRange(assessment.Findings);
        return proto;
    }
}
