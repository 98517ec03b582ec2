using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using static Lmc.Projects.Tests.ProjectsServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Projects.Tests;

/// <summary>
/// Every operation of the projects API, by every role, for its own country and for another's,
/// against a Thai water-resources project: allowed exactly where the rules say, denied elsewhere.
/// </summary>
[Collection(ProjectsServiceGroup.Name)]
public sealed class AuthorizationMatrixTests(ProjectsServiceFactory service)
{
    private const string Lead = "TH";
    private const string Foreign = "VN";
    private static readonly string WaterJwg = LmcRoles.Jwg("water-resources");
    private static readonly string ConnectivityJwg = LmcRoles.Jwg("connectivity");
    private static readonly string[] Operations =
    [
        "propose", "get", "list", "submit", "endorse", "adopt", "start", "complete", "cancel",
        "open-list", "nominate", "submit-report", "review-report", "assess",
    ];

    private static int _nextYear = 2040;
    private static readonly string[] Roles =
        [LmcRoles.Secretariat, WaterJwg, ConnectivityJwg, LmcRoles.FundManager, LmcRoles.HealthFocalPoint, LmcRoles.Integrator, LmcRoles.Admin];

    private readonly ProjectsService.ProjectsServiceClient _client = service.GrpcClient();

    public static TheoryData<string, string, bool> Cells()
    {
        var cells = new TheoryData<string, string, bool>();
        foreach (var operation in Operations)
        {
            foreach (var role in Roles)
            {
                cells.Add(operation, role, true);
                cells.Add(operation, role, false);
            }
        }

        return cells;
    }

    /// <summary>The rule table, written from the design, not from the code.</summary>
    private static bool Allowed(string operation, string role, bool ownCountry) => operation switch
    {
        "get" or "list" => true, // the registry is readable by every authenticated member and integrator
        "propose" or "submit" or "start" or "complete" or "cancel" => role == LmcRoles.Secretariat && ownCountry,
        "endorse" => role == WaterJwg, // JWG members of the project's area, whatever their country
        "adopt" => false,
        "open-list" => role == LmcRoles.Admin,
        "nominate" or "submit-report" => role == LmcRoles.Secretariat && ownCountry,
        "review-report" => role == WaterJwg,
        // A national secretariat of a country taking part; the foreign caller (VN) takes no part.
        "assess" => role == LmcRoles.Secretariat && ownCountry,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_may_do_exactly_what_the_rules_allow(string operation, string role, bool ownCountry)
    {
        var projectId = await ProjectReadyFor(operation);
        var country = ownCountry ? Lead : Foreign;
        // Integrators get what the identity service gives them: read scopes only.
        var scopes = role == LmcRoles.Integrator ? LmcScopes.Services.Select(LmcScopes.Read) : null;
        var caller = Bearer(TestTokens.Mint(country, [role], scopes: scopes));

        var status = await Attempt(operation, projectId, caller);

        if (operation == "adopt")
        {
            // Nobody adopts by command: only the FMM's decision on the annual list does.
            Assert.Equal(role == LmcRoles.Integrator ? StatusCode.PermissionDenied : StatusCode.FailedPrecondition, status);
        }
        else if (Allowed(operation, role, ownCountry))
        {
            Assert.Equal(StatusCode.OK, status);
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, status);
        }
    }

    [Fact]
    public async Task A_secretariat_without_the_write_scope_cannot_change_anything_even_its_own()
    {
        var readOnly = Bearer(TestTokens.Mint(Lead, [LmcRoles.Secretariat], scopes: [LmcScopes.Read("projects")]));
        Assert.Equal(StatusCode.PermissionDenied, await Attempt("propose", "", readOnly));
        Assert.Equal(StatusCode.PermissionDenied, await Attempt("submit", await ProjectReadyFor("submit"), readOnly));
        Assert.Equal(StatusCode.OK, await Attempt("list", "", readOnly));
    }

    [Fact]
    public async Task A_token_with_no_projects_scope_cannot_even_read()
    {
        var otherService = Bearer(TestTokens.Mint(Lead, [LmcRoles.Secretariat], scopes: [LmcScopes.Write("meetings")]));
        Assert.Equal(StatusCode.PermissionDenied, await Attempt("get", await ProjectReadyFor("get"), otherService));
        Assert.Equal(StatusCode.PermissionDenied, await Attempt("list", "", otherService));
    }

    private async Task<StatusCode> Attempt(string operation, string id, Metadata caller)
    {
        var monitoring = new ProjectMonitoringService.ProjectMonitoringServiceClient(Channel);
        var lists = new AnnualListsService.AnnualListsServiceClient(Channel);
        try
        {
            _ = operation switch
            {
                "open-list" => (object)await lists.OpenAnnualListAsync(new OpenAnnualListRequest
                {
                    Year = Interlocked.Increment(ref _nextYear),
                    NominationDeadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
                }, caller),
                "nominate" => await lists.NominateProjectAsync(new NominateProjectRequest { Year = ListYear, ProjectId = id }, caller),
                "submit-report" => await monitoring.SubmitProgressReportAsync(new SubmitProgressReportRequest
                {
                    ProjectId = id, PeriodStart = "2025-01-01", PeriodEnd = "2025-06-30", PercentComplete = 30,
                    Narrative = "Work on the stations went on as planned this half year.",
                }, caller),
                "review-report" => await monitoring.ReviewProgressReportAsync(new ReviewProgressReportRequest
                {
                    ProjectId = RunningProject!, ReportId = id, Accept = true,
                }, caller),
                "assess" => await monitoring.RecordAssessmentAsync(new RecordAssessmentRequest
                {
                    ProjectId = id, AssessorKind = AssessorKind.NationalSecretariat, AssessedOn = "2025-06-30",
                    Rating = AssessmentRating.Satisfactory, Findings = { "On schedule." },
                }, caller),
                // The resource is always a Thai project: proposing it is the Thai secretariat's act alone.
                "propose" => await _client.ProposeProjectAsync(Proposals.Valid(lead: Country.Th, partners: Country.La), caller),
                "get" => await _client.GetProjectAsync(new GetProjectRequest { ProjectId = id }, caller),
                "list" => await _client.ListProjectsAsync(new ListProjectsRequest { Page = new PageRequest { PageSize = 1 } }, caller),
                "submit" => await _client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id }, caller),
                "endorse" => await _client.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = id }, caller),
#pragma warning disable CS0612 // the deprecated RPC is exactly what this checks: that it refuses everyone
                "adopt" => await _client.AdoptProjectAsync(new AdoptProjectRequest { ProjectId = id }, caller),
#pragma warning restore CS0612
                "start" => await _client.StartProjectAsync(new StartProjectRequest { ProjectId = id }, caller),
                "complete" => await _client.CompleteProjectAsync(new CompleteProjectRequest { ProjectId = id }, caller),
                "cancel" => await _client.CancelProjectAsync(new CancelProjectRequest { ProjectId = id, Reason = "withdrawn" }, caller),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            };
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private const int ListYear = 2039;
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static string? RunningProject;

    private global::Grpc.Net.Client.GrpcChannel Channel => service.Channel();

    /// <summary>A Thai water-resources project in the state the operation starts from (for reports and assessments, a running one).</summary>
    private async Task<string> ProjectReadyFor(string operation)
    {
        var secretariat = Bearer(TestTokens.For(Lead, LmcRoles.Secretariat));
        if (operation is "submit-report" or "review-report" or "assess")
        {
            var running = await SharedRunningProjectAsync();
            if (operation != "review-report")
            {
                return running;
            }

            var monitoring = new ProjectMonitoringService.ProjectMonitoringServiceClient(Channel);
            return (await monitoring.SubmitProgressReportAsync(new SubmitProgressReportRequest
            {
                ProjectId = running, PeriodStart = "2025-01-01", PeriodEnd = "2025-06-30", PercentComplete = 30,
                Narrative = "Work on the stations went on as planned this half year.",
            }, secretariat)).Report.ReportId;
        }

        if (operation == "nominate")
        {
            await EnsureListAsync();
        }

        var id = (await _client.ProposeProjectAsync(Proposals.Valid(lead: Country.Th, partners: Country.La), secretariat)).Project.ProjectId;
        var steps = operation switch
        {
            "endorse" => 1,
            "nominate" => 2,
            "adopt" => 2,
            "start" => 3,
            "complete" => 4,
            _ => 0,
        };
        if (steps >= 1)
        {
            await _client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id }, secretariat);
        }

        if (steps >= 2)
        {
            await _client.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = id }, Bearer(TestTokens.For(Lead, WaterJwg)));
        }

        if (steps >= 3)
        {
            await service.AdoptThroughFmmAsync(2025, id);
        }

        if (steps >= 4)
        {
            await _client.StartProjectAsync(new StartProjectRequest { ProjectId = id }, secretariat);
        }

        return id;
    }

    private async Task<string> SharedRunningProjectAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (RunningProject is null)
            {
                var id = await ProjectReadyFor("complete"); // adopted and started
                RunningProject = id;
            }

            return RunningProject;
        }
        finally
        {
            Setup.Release();
        }
    }

    private async Task EnsureListAsync()
    {
        var lists = new AnnualListsService.AnnualListsServiceClient(Channel);
        try
        {
            await lists.OpenAnnualListAsync(new OpenAnnualListRequest
            {
                Year = ListYear,
                NominationDeadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
            }, Bearer(TestTokens.For(null, LmcRoles.Admin)));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // Opened by an earlier cell.
        }
    }
}
