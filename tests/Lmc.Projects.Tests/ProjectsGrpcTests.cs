using Google.Rpc;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using static Lmc.Projects.Tests.ProjectsServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Projects.Tests;

[Collection(ProjectsServiceGroup.Name)]
public sealed class ProjectsGrpcTests(ProjectsServiceFactory service)
{
    private static readonly string ThaiSecretariat = TestTokens.For("TH", LmcRoles.Secretariat);
    private readonly ProjectsService.ProjectsServiceClient _client = service.GrpcClient();

    [Fact]
    public async Task A_secretariat_proposes_a_project_it_leads_and_reads_it_back()
    {
        var proposed = (await _client.ProposeProjectAsync(Proposals.Valid(), Bearer(ThaiSecretariat))).Project;

        var read = (await _client.GetProjectAsync(new GetProjectRequest { ProjectId = proposed.ProjectId }, Bearer(ThaiSecretariat))).Project;
        Assert.Equal(proposed, read);
        Assert.Equal(Country.Th, read.LeadCountry);
        Assert.Equal([Country.La, Country.Kh], read.PartnerCountries);
        Assert.Equal("480000.00", read.Budget.Amount);
        Assert.Equal(ProjectStatus.Proposed, read.Status);
        Assert.Equal(1, read.IatiActivityStatus);
        Assert.Equal(["lmc.projects.project-proposed.v1"], await service.EventNamesOfAsync(read.ProjectId));
    }

    [Fact]
    public async Task Proposing_for_another_country_is_denied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ProposeProjectAsync(Proposals.Valid(lead: Country.Vn), Bearer(ThaiSecretariat)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Only_secretariats_propose()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ProposeProjectAsync(Proposals.Valid(), Bearer(TestTokens.For("TH", LmcRoles.Integrator))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ListProjectsAsync(new ListProjectsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task An_invalid_proposal_is_refused_with_every_field_violation_and_nothing_is_written()
    {
        var before = await service.InDatabaseAsync(db => Task.FromResult(db.Projects.Count()));
        var request = Proposals.Valid();
        request.Title = "";
        request.Budget = new Money { Currency = "US", Amount = "abc" };

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ProposeProjectAsync(request, Bearer(ThaiSecretariat)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(["title", "budget.currency", "budget.amount"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal(before, await service.InDatabaseAsync(db => Task.FromResult(db.Projects.Count())));
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_project_and_a_different_request_with_it_is_refused()
    {
        var request = Proposals.Valid();
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var first = (await _client.ProposeProjectAsync(request, Bearer(ThaiSecretariat))).Project;
        var again = (await _client.ProposeProjectAsync(request, Bearer(ThaiSecretariat))).Project;
        Assert.Equal(first.ProjectId, again.ProjectId);
        Assert.Single(await service.EventNamesOfAsync(first.ProjectId));

        request.Title = "Something else entirely";
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ProposeProjectAsync(request, Bearer(ThaiSecretariat)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_project()
    {
        var request = Proposals.Valid();
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _client.ProposeProjectAsync(request, Bearer(ThaiSecretariat)).ResponseAsync));

        Assert.Single(results.Select(r => r.Project.ProjectId).Distinct());
    }

    [Fact]
    public async Task The_lifecycle_runs_by_the_right_hands_and_publishes_an_event_per_change()
    {
        var id = (await _client.ProposeProjectAsync(Proposals.Valid(), Bearer(ThaiSecretariat))).Project.ProjectId;

        await _client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id, ExpectedVersion = 1 }, Bearer(ThaiSecretariat));
        await _client.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = id }, Bearer(TestTokens.For("LA", LmcRoles.Jwg("water-resources"))));
        await service.AdoptThroughFmmAsync(2025, id);
        await _client.StartProjectAsync(new StartProjectRequest { ProjectId = id }, Bearer(ThaiSecretariat));
        var completed = (await _client.CompleteProjectAsync(new CompleteProjectRequest { ProjectId = id, ExpectedVersion = 5 }, Bearer(ThaiSecretariat))).Project;

        Assert.Equal(ProjectStatus.Completed, completed.Status);
        Assert.Equal(6, completed.Version);
        Assert.Equal(
            ["proposed", "submitted", "endorsed", "adopted", "started", "completed"],
            (await service.EventNamesOfAsync(id)).Select(n => n.Split('.')[2].Replace("project-", "")));
    }

    [Fact]
    public async Task A_move_out_of_order_fails_its_precondition_with_the_rule_named()
    {
        var id = (await _client.ProposeProjectAsync(Proposals.Valid(), Bearer(ThaiSecretariat))).Project.ProjectId;
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.StartProjectAsync(new StartProjectRequest { ProjectId = id }, Bearer(ThaiSecretariat)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("project.invalid-transition", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task A_change_against_a_stale_version_is_aborted()
    {
        var id = (await _client.ProposeProjectAsync(Proposals.Valid(), Bearer(ThaiSecretariat))).Project.ProjectId;
        await _client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id, ExpectedVersion = 1 }, Bearer(ThaiSecretariat));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CancelProjectAsync(new CancelProjectRequest { ProjectId = id, ExpectedVersion = 1, Reason = "stale" }, Bearer(ThaiSecretariat)).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_changes_of_one_version_let_exactly_one_through()
    {
        var id = (await _client.ProposeProjectAsync(Proposals.Valid(), Bearer(ThaiSecretariat))).Project.ProjectId;
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await _client.CancelProjectAsync(new CancelProjectRequest { ProjectId = id, Reason = $"attempt {i}" }, Bearer(ThaiSecretariat));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Single(attempts, s => s == StatusCode.OK);
        Assert.All(attempts.Where(s => s != StatusCode.OK), s => Assert.Contains(s, new[] { StatusCode.Aborted, StatusCode.FailedPrecondition }));
        Assert.Equal(["lmc.projects.project-proposed.v1", "lmc.projects.project-cancelled.v1"], await service.EventNamesOfAsync(id));
    }

    [Fact]
    public async Task Endorsement_belongs_to_the_jwg_of_the_projects_area()
    {
        var id = (await _client.ProposeProjectAsync(Proposals.Valid(area: PriorityArea.Connectivity), Bearer(ThaiSecretariat))).Project.ProjectId;
        await _client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id }, Bearer(ThaiSecretariat));

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.EndorseProjectAsync(
            new EndorseProjectRequest { ProjectId = id }, Bearer(TestTokens.For("TH", LmcRoles.Jwg("water-resources")))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var endorsed = await _client.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = id }, Bearer(TestTokens.For("MM", LmcRoles.Jwg("connectivity"))));
        Assert.Equal(ProjectStatus.Endorsed, endorsed.Project.Status);
    }

    [Fact]
    public async Task Lists_filter_by_country_area_status_and_year_and_page_without_gaps()
    {
        var vietnam = TestTokens.For("VN", LmcRoles.Secretariat);
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = Proposals.Valid(lead: Country.Vn, area: PriorityArea.AgricultureAndPovertyReduction, start: $"203{i}-01-01", end: $"203{i}-12-31", partners: Country.Mm);
            mine.Add((await _client.ProposeProjectAsync(request, Bearer(vietnam))).Project.ProjectId);
        }

        await _client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = mine[4] }, Bearer(vietnam));

        var pages = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListProjectsAsync(new ListProjectsRequest
            {
                Country = Country.Mm,
                PriorityArea = PriorityArea.AgricultureAndPovertyReduction,
                Page = new PageRequest { PageSize = 2, PageToken = token },
            }, Bearer(ThaiSecretariat));
            Assert.True(page.Projects.Count <= 2);
            pages.AddRange(page.Projects.Select(p => p.ProjectId));
            token = page.Page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(mine, pages);

        var in2032 = await _client.ListProjectsAsync(new ListProjectsRequest { Country = Country.Vn, Year = 2032 }, Bearer(ThaiSecretariat));
        Assert.Equal([mine[2]], in2032.Projects.Select(p => p.ProjectId));

        var submitted = await _client.ListProjectsAsync(
            new ListProjectsRequest { Country = Country.Mm, Status = ProjectStatus.Submitted }, Bearer(ThaiSecretariat));
        Assert.Equal([mine[4]], submitted.Projects.Select(p => p.ProjectId));
    }

    [Fact]
    public async Task A_page_token_that_was_not_issued_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ListProjectsAsync(
            new ListProjectsRequest { Page = new PageRequest { PageToken = "not-a-token" } }, Bearer(ThaiSecretariat)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.GetProjectAsync(
            new GetProjectRequest { ProjectId = Guid.NewGuid().ToString() }, Bearer(ThaiSecretariat)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
