using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Meetings.Contracts;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Messaging;
using Lmc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Projects.Tests.ProjectsServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Projects.Tests;

/// <summary>Para 5: the annual list from the countries' nominations to the FMM's adoption.</summary>
[Collection(ProjectsServiceGroup.Name)]
public sealed class AnnualListTests(ProjectsServiceFactory service)
{
    private static readonly Metadata Admin = Bearer(TestTokens.For(null, LmcRoles.Admin));
    private static readonly Metadata Thailand = Bearer(TestTokens.For("TH", LmcRoles.Secretariat));
    private static readonly Metadata WaterJwg = Bearer(TestTokens.For("LA", LmcRoles.Jwg("water-resources")));
    private readonly ProjectsService.ProjectsServiceClient _projects = service.GrpcClient();
    private readonly AnnualListsService.AnnualListsServiceClient _lists =
        new(service.Channel());

    [Fact]
    public async Task A_list_goes_from_nominations_through_the_som_to_the_fmm_which_adopts_its_projects_once()
    {
        const int year = 2031;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(3);
        await _lists.OpenAnnualListAsync(new OpenAnnualListRequest { Year = year, NominationDeadline = Timestamp.FromDateTimeOffset(deadline) }, Admin);

        var listed = await EndorsedProjectAsync(year);
        var late = await EndorsedProjectAsync(year);
        var notEndorsed = (await _projects.ProposeProjectAsync(Proposals.Valid(start: $"{year}-01-01", end: $"{year}-12-31"), Thailand)).Project.ProjectId;

        var nominated = await _lists.NominateProjectAsync(new NominateProjectRequest { Year = year, ProjectId = listed }, Thailand);
        Assert.Equal([listed], nominated.List.Entries.Select(e => e.ProjectId));
        Assert.Equal(StatusCode.PermissionDenied, await Refusal(() => _lists.NominateProjectAsync(
            new NominateProjectRequest { Year = year, ProjectId = listed }, Bearer(TestTokens.For("VN", LmcRoles.Secretariat))).ResponseAsync));
        Assert.Equal("annual-list.not-endorsed", await Rule(() => _lists.NominateProjectAsync(
            new NominateProjectRequest { Year = year, ProjectId = notEndorsed }, Thailand).ResponseAsync));
        Assert.Equal("annual-list.before-deadline", await Rule(() => _lists.CompileAnnualListAsync(
            new CompileAnnualListRequest { Year = year }, Admin).ResponseAsync));

        await Task.Delay(deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        Assert.Equal("annual-list.deadline-passed", await Rule(() => _lists.NominateProjectAsync(
            new NominateProjectRequest { Year = year, ProjectId = late }, Thailand).ResponseAsync));
        var compiled = await _lists.CompileAnnualListAsync(new CompileAnnualListRequest { Year = year }, Admin);
        Assert.Equal(AnnualListStatus.Compiled, compiled.List.Status);
        // The meetings service learns the compiled list from this event, for the SOM's agenda.
        var compiledEvent = await service.InDatabaseAsync(db => db.OutboxMessages.SingleAsync(m => m.AggregateId == Lmc.BuildingBlocks.Data.LmcDbContext.AggregateIdOf($"annual-list-{year}")));
        Assert.Equal("lmc.projects.annual-list-compiled.v1", compiledEvent.EventName);
        Assert.Contains(listed, compiledEvent.Payload);

        var bus = service.Services.GetRequiredService<IBus>();
        await bus.Publish(new ProjectListRecommended(Guid.NewGuid(), "LMC/SOM.12", year, [Guid.Parse(listed)], DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await _lists.GetAnnualListAsync(new GetAnnualListRequest { Year = year }, Thailand)).List.Status == AnnualListStatus.Recommended,
            because: "the SOM's recommendation");

        // The same FMM decision delivered twice, then once more as a fresh message.
        var adoption = new ProjectListAdopted(Guid.NewGuid(), "LMC/FMM.12", year, [Guid.Parse(listed)], DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();
        await bus.Publish(adoption, c => c.MessageId = messageId);
        await bus.Publish(adoption, c => c.MessageId = messageId);
        await bus.Publish(adoption);
        await Eventually.TrueAsync(() => service.InDatabaseAsync(db =>
            db.InboxMessages.CountAsync(m => m.Consumer == nameof(ProjectListAdoptedConsumer) && m.ProcessedAt > adoption.OccurredAt.AddMinutes(-1)).ContinueWith(t => t.Result >= 2)),
            because: "both messages of the adoption");
        await Task.Delay(500); // room for a wrong second effect to show

        var project = (await _projects.GetProjectAsync(new GetProjectRequest { ProjectId = listed }, Thailand)).Project;
        Assert.Equal(ProjectStatus.Adopted, project.Status);
        Assert.Equal(year, project.AdoptedForYear);
        Assert.Single(await service.EventNamesOfAsync(listed), e => e == "lmc.projects.project-adopted.v1");
        Assert.Equal(1, await service.InDatabaseAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
        var list = (await _lists.GetAnnualListAsync(new GetAnnualListRequest { Year = year }, Thailand)).List;
        Assert.Equal(AnnualListStatus.Adopted, list.Status);
        Assert.Contains("LMC/FMM.12", list.AdoptedBy);
        Assert.Equal(ProjectStatus.Endorsed, (await _projects.GetProjectAsync(new GetProjectRequest { ProjectId = late }, Thailand)).Project.Status);
    }

    [Fact]
    public async Task A_large_project_neither_goes_on_a_foundation_stage_list_nor_is_adopted_for_it()
    {
        const int year = 2019;
        await _lists.OpenAnnualListAsync(new OpenAnnualListRequest { Year = year, NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)) }, Admin);
        var large = await EndorsedProjectAsync(year, amount: "6000000.00");

        Assert.Equal("plan.stage-size", await Rule(() => _lists.NominateProjectAsync(new NominateProjectRequest { Year = year, ProjectId = large }, Thailand).ResponseAsync));

        var messageId = NewId.NextGuid();
        await service.Services.GetRequiredService<IBus>().Publish(
            new ProjectListAdopted(Guid.NewGuid(), "LMC/FMM.4", year, [Guid.Parse(large)], DateTimeOffset.UtcNow), c => c.MessageId = messageId);
        await Eventually.TrueAsync(() => service.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), because: "the adoption");

        Assert.Equal(ProjectStatus.Endorsed, (await _projects.GetProjectAsync(new GetProjectRequest { ProjectId = large }, Thailand)).Project.Status);
        Assert.DoesNotContain("lmc.projects.project-adopted.v1", await service.EventNamesOfAsync(large));
    }

    [Fact]
    public async Task The_same_iati_identifier_cannot_be_used_twice()
    {
        var request = Proposals.Valid();
        request.IatiIdentifier = $"XM-LMC-TH-{Guid.NewGuid():N}";
        await _projects.ProposeProjectAsync(request, Thailand);
        Assert.Equal(StatusCode.AlreadyExists, await Refusal(() => _projects.ProposeProjectAsync(request, Thailand).ResponseAsync));
    }

    [Fact]
    public async Task A_budget_revision_keeps_the_original_and_is_published()
    {
        var request = Proposals.Valid();
        request.BudgetLines.Add(new BudgetLine
        {
            Type = 1, Status = 1, PeriodStart = "2025-01-01", PeriodEnd = "2025-12-31",
            Value = new Lmc.Contracts.Common.V1.Money { Currency = "USD", Amount = "240000.00" }, ValueDate = "2025-01-01",
        });
        var id = (await _projects.ProposeProjectAsync(request, Thailand)).Project.ProjectId;

        var revised = await _projects.ReviseBudgetAsync(new ReviseBudgetRequest
        {
            ProjectId = id,
            Budget = new BudgetLine
            {
                Type = 2, Status = 2, PeriodStart = "2025-01-01", PeriodEnd = "2025-12-31",
                Value = new Lmc.Contracts.Common.V1.Money { Currency = "USD", Amount = "275000.00" }, ValueDate = "2025-07-01",
            },
        }, Thailand);

        Assert.Equal(["240000.00", "275000.00"], revised.Project.BudgetLines.Select(b => b.Value.Amount));
        Assert.Contains("lmc.projects.project-budget-revised.v1", await service.EventNamesOfAsync(id));
        Assert.Equal(StatusCode.PermissionDenied, await Refusal(() => _projects.ReviseBudgetAsync(
            new ReviseBudgetRequest { ProjectId = id, Budget = revised.Project.BudgetLines[1] }, Bearer(TestTokens.For("VN", LmcRoles.Secretariat))).ResponseAsync));
    }

    private async Task<string> EndorsedProjectAsync(int year, string amount = "480000.00")
    {
        var request = Proposals.Valid(start: $"{year}-01-01", end: $"{year}-12-31");
        request.Budget.Amount = amount;
        var id = (await _projects.ProposeProjectAsync(request, Thailand)).Project.ProjectId;
        await _projects.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = id }, Thailand);
        await _projects.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = id }, WaterJwg);
        return id;
    }

    private static async Task<StatusCode> Refusal(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;

    private static async Task<string> Rule(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason;
    }
}
