using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using static Lmc.Projects.Tests.ProjectsServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Projects.Tests;

/// <summary>Progress reports reviewed by the area's JWG, and supervision assessments (para 94).</summary>
[Collection(ProjectsServiceGroup.Name)]
public sealed class MonitoringTests(ProjectsServiceFactory service)
{
    private static readonly Metadata Thailand = Bearer(TestTokens.For("TH", LmcRoles.Secretariat));
    private static readonly Metadata WaterJwg = Bearer(TestTokens.For("KH", LmcRoles.Jwg("water-resources")));
    private readonly ProjectsService.ProjectsServiceClient _projects = service.GrpcClient();
    private readonly ProjectMonitoringService.ProjectMonitoringServiceClient _monitoring =
        new(service.Channel());

    [Fact]
    public async Task An_accepted_report_is_published_for_the_fund_and_fills_the_indicator_actuals()
    {
        var id = await RunningProjectAsync();
        var submitted = await _monitoring.SubmitProgressReportAsync(Report(id, actual: "7"), Thailand);
        Assert.Equal(ProgressReportStatus.Submitted, submitted.Report.Status);

        var accepted = await _monitoring.ReviewProgressReportAsync(
            new ReviewProgressReportRequest { ProjectId = id, ReportId = submitted.Report.ReportId, Accept = true }, WaterJwg);

        Assert.Equal(ProgressReportStatus.Accepted, accepted.Report.Status);
        Assert.Contains("lmc.projects.progress-report-accepted.v1", await service.EventNamesOfAsync(id));
        var project = (await _projects.GetProjectAsync(new GetProjectRequest { ProjectId = id }, Thailand)).Project;
        Assert.Equal("7", project.Results[0].Indicators[0].Periods[0].Actual);

        var again = await Assert.ThrowsAsync<RpcException>(() => _monitoring.ReviewProgressReportAsync(
            new ReviewProgressReportRequest { ProjectId = id, ReportId = submitted.Report.ReportId, Accept = false, Comment = "late" }, WaterJwg).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_returned_report_needs_a_comment_and_only_the_areas_jwg_reviews()
    {
        var id = await RunningProjectAsync();
        var report = (await _monitoring.SubmitProgressReportAsync(Report(id), Thailand)).Report;

        var otherArea = await Assert.ThrowsAsync<RpcException>(() => _monitoring.ReviewProgressReportAsync(
            new ReviewProgressReportRequest { ProjectId = id, ReportId = report.ReportId, Accept = true },
            Bearer(TestTokens.For("KH", LmcRoles.Jwg("connectivity")))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, otherArea.StatusCode);

        var noComment = await Assert.ThrowsAsync<RpcException>(() => _monitoring.ReviewProgressReportAsync(
            new ReviewProgressReportRequest { ProjectId = id, ReportId = report.ReportId, Accept = false }, WaterJwg).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noComment.StatusCode);

        var returned = await _monitoring.ReviewProgressReportAsync(
            new ReviewProgressReportRequest { ProjectId = id, ReportId = report.ReportId, Accept = false, Comment = "Add the station list." }, WaterJwg);
        Assert.Equal(ProgressReportStatus.Returned, returned.Report.Status);
        Assert.DoesNotContain("lmc.projects.progress-report-accepted.v1", await service.EventNamesOfAsync(id));
    }

    [Fact]
    public async Task Only_the_lead_country_reports_and_only_on_a_running_project()
    {
        var id = await RunningProjectAsync();
        var foreign = await Assert.ThrowsAsync<RpcException>(() => _monitoring.SubmitProgressReportAsync(
            Report(id), Bearer(TestTokens.For("VN", LmcRoles.Secretariat))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);

        var proposed = (await _projects.ProposeProjectAsync(Proposals.Valid(), Thailand)).Project.ProjectId;
        var early = await Assert.ThrowsAsync<RpcException>(() => _monitoring.SubmitProgressReportAsync(Report(proposed), Thailand).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);

        var badIndicator = Report(id);
        badIndicator.IndicatorActuals.Add(new IndicatorActual { Result = 3, Indicator = 0, Period = 0, Value = "1" });
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _monitoring.SubmitProgressReportAsync(badIndicator, Thailand).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }

    [Fact]
    public async Task Participating_secretariats_and_third_parties_assess_adopted_projects()
    {
        var id = await RunningProjectAsync();
        var byLaos = await _monitoring.RecordAssessmentAsync(new RecordAssessmentRequest
        {
            ProjectId = id, AssessorKind = AssessorKind.NationalSecretariat, AssessedOn = "2025-06-30",
            Rating = AssessmentRating.Satisfactory, Findings = { "Stations installed on schedule." }, Recommendations = "Share data daily.",
        }, Bearer(TestTokens.For("LA", LmcRoles.Secretariat)));
        Assert.Equal("LA", byLaos.Assessment.Assessor);

        var thirdParty = await _monitoring.RecordAssessmentAsync(new RecordAssessmentRequest
        {
            ProjectId = id, AssessorKind = AssessorKind.ThirdParty, ThirdParty = "Independent review panel", AssessedOn = "2025-07-15",
            Rating = AssessmentRating.PartlyUnsatisfactory, Findings = { "Data sharing agreement not yet signed." },
        }, Bearer(TestTokens.For(null, LmcRoles.Admin)));
        Assert.Equal("Independent review panel", thirdParty.Assessment.Assessor);

        var outsider = await Assert.ThrowsAsync<RpcException>(() => _monitoring.RecordAssessmentAsync(new RecordAssessmentRequest
        {
            ProjectId = id, AssessorKind = AssessorKind.NationalSecretariat, AssessedOn = "2025-06-30",
            Rating = AssessmentRating.Satisfactory, Findings = { "x" },
        }, Bearer(TestTokens.For("MM", LmcRoles.Secretariat))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, outsider.StatusCode);

        var list = await _monitoring.ListAssessmentsAsync(new ListAssessmentsRequest { ProjectId = id }, Thailand);
        Assert.Equal(2, list.Assessments.Count);
        Assert.Equal(2, (await service.EventNamesOfAsync(id)).Count(e => e == "lmc.projects.assessment-recorded.v1"));
    }

    private static SubmitProgressReportRequest Report(string projectId, string? actual = null)
    {
        var request = new SubmitProgressReportRequest
        {
            ProjectId = projectId, PeriodStart = "2025-01-01", PeriodEnd = "2025-06-30", PercentComplete = 40,
            Narrative = "Six stations installed; forecasts shared twice a week with the Lao side.",
            Milestones = { new Milestone { Title = "Stations installed", Status = MilestoneStatus.Done } },
        };
        if (actual is not null)
        {
            request.IndicatorActuals.Add(new IndicatorActual { Result = 0, Indicator = 0, Period = 0, Value = actual });
        }

        return request;
    }

    /// <summary>A Thai water project with one result indicator, adopted through the FMM and started.</summary>
    private async Task<string> RunningProjectAsync()
    {
        var request = Proposals.Valid();
        var result = new Result { Type = 1, Title = "Forecasts shared" };
        var indicator = new Indicator { Title = "Stations reporting", Measure = 1, BaselineYear = 2024, BaselineValue = "0" };
        indicator.Periods.Add(new IndicatorPeriod { PeriodStart = "2025-01-01", PeriodEnd = "2025-12-31", Target = "12" });
        result.Indicators.Add(indicator);
        request.Results.Add(result);
        var id = (await _projects.ProposeProjectAsync(request, Thailand)).Project.ProjectId;
        await _projects.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id }, Thailand);
        await _projects.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = id }, WaterJwg);
        await service.AdoptThroughFmmAsync(2025, id);
        await _projects.StartProjectAsync(new StartProjectRequest { ProjectId = id }, Thailand);
        return id;
    }
}
