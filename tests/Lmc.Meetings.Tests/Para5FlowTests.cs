using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Meetings.V1;
using Lmc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Projects.Contracts;
using Microsoft.EntityFrameworkCore;
using static Lmc.Meetings.Tests.MeetingsServiceFactory;

namespace Lmc.Meetings.Tests;

/// <summary>Para 5: the list and the report go through the SOM to the FMM; para 6: JWGs upgraded by consensus.</summary>
[Collection(MeetingsServiceGroup.Name)]
public sealed class Para5FlowTests(MeetingsServiceFactory service)
{
    private readonly MeetingsService.MeetingsServiceClient _client = service.Client();

    [Fact]
    public async Task The_som_recommends_the_compiled_list_and_the_fmm_adopts_it_with_its_projects_in_the_event()
    {
        const int year = 2041;
        var som = await service.HeldMeetingAsync("som", 201);
        var fmm = await service.HeldMeetingAsync("fmm", 201);

        Assert.Equal("annual-list.not-compiled", await Refusals.RuleOf(() => _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = som.Id, Kind = AgendaItemKind.AnnualProjectList, Year = year, Text = "The list" }, Admin).ResponseAsync));
        Assert.Equal("para5.not-recommended", await Refusals.RuleOf(() => _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = fmm.Id, Kind = AgendaItemKind.AnnualProjectList, Year = year, Text = "The list" }, Admin).ResponseAsync));

        var projects = await service.CompileListAsync(year);
        var recommendation = (await _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = som.Id, Kind = AgendaItemKind.AnnualProjectList, Year = year, Text = "The list" }, Admin)).Item;
        Assert.Equal(projects.Select(p => p.ToString()), recommendation.ProjectIds);
        Assert.Equal($"Annual project list for {year}", recommendation.Title);
        await service.PositionsAsync(recommendation.Id);
        await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = recommendation.Id }, Admin);
        Assert.Equal(["lmc.meetings.decision-adopted.v1", "lmc.meetings.project-list-recommended.v1"], await service.EventsOfAsync(recommendation.Id));

        var adoption = (await _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = fmm.Id, Kind = AgendaItemKind.AnnualProjectList, Year = year, Text = "The list" }, Admin)).Item;
        Assert.Equal(projects.Select(p => p.ToString()), adoption.ProjectIds);
        await service.PositionsAsync(adoption.Id, new Dictionary<string, PositionKind> { ["VN"] = PositionKind.NoObjection });
        var adopted = (await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = adoption.Id }, Admin)).Item;

        Assert.Equal(AgendaItemStatus.Adopted, adopted.Status);
        Assert.Equal(["lmc.meetings.decision-adopted.v1", "lmc.meetings.project-list-adopted.v1"], await service.EventsOfAsync(adoption.Id));
        var payload = await service.InDatabaseAsync(db => db.OutboxMessages.SingleAsync(m => m.AggregateId == Guid.Parse(adoption.Id) && m.EventName == "lmc.meetings.project-list-adopted.v1"));
        Assert.Contains(projects[0].ToString(), payload.Payload);
        Assert.Contains("LMC/FMM.201", payload.Payload);

        // Adopted once: a second item for the same year is refused.
        Assert.Equal(StatusCode.AlreadyExists, await Refusals.StatusOf(() => _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = fmm.Id, Kind = AgendaItemKind.AnnualProjectList, Year = year, Text = "Again" }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task The_fmm_commends_the_implementation_report_only_after_the_som_submitted_it()
    {
        const int year = 2042;
        var som = await service.HeldMeetingAsync("som", 202);
        var fmm = await service.HeldMeetingAsync("fmm", 202);
        Assert.Equal("para5.not-recommended", await Refusals.RuleOf(() => _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = fmm.Id, Kind = AgendaItemKind.ImplementationReport, Year = year, Text = "Commends" }, Admin).ResponseAsync));

        var submitted = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = som.Id, Kind = AgendaItemKind.ImplementationReport, Year = year, Text = "Submits" }, Admin)).Item;
        await service.PositionsAsync(submitted.Id);
        await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = submitted.Id }, Admin);
        var commended = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = fmm.Id, Kind = AgendaItemKind.ImplementationReport, Year = year, Text = "Commends" }, Admin)).Item;
        await service.PositionsAsync(commended.Id);
        await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = commended.Id }, Admin);

        Assert.Contains("lmc.meetings.implementation-report-submitted.v1", await service.EventsOfAsync(submitted.Id));
        Assert.Contains("lmc.meetings.implementation-report-commended.v1", await service.EventsOfAsync(commended.Id));
    }

    [Fact]
    public async Task A_jwg_is_upgraded_only_by_consensus_and_only_upwards()
    {
        var som = await service.HeldMeetingAsync("som", 203);
        var upgrade = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest
        {
            MeetingId = som.Id, Kind = AgendaItemKind.JwgUpgrade, PriorityArea = PriorityArea.ProductionCapacity, Level = JwgLevel.SeniorOfficials, Text = "Upgrade",
        }, Admin)).Item;

        await service.PositionsAsync(upgrade.Id, new Dictionary<string, PositionKind> { ["KH"] = PositionKind.Objection });
        Assert.Equal("consensus.not-reached", await Refusals.RuleOf(() => _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = upgrade.Id }, Admin).ResponseAsync));
        Assert.Equal(JwgLevel.WorkingGroup, await LevelAsync("jwg-production-capacity"));

        await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = upgrade.Id, Country = Country.Kh, Kind = PositionKind.Support }, Secretariat("KH"));
        await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = upgrade.Id }, Admin);

        Assert.Equal(JwgLevel.SeniorOfficials, await LevelAsync("jwg-production-capacity"));
        Assert.Contains("lmc.meetings.jwg-upgraded.v1", await service.EventsOfAsync(upgrade.Id));
        Assert.Equal("jwg.not-an-upgrade", await Refusals.RuleOf(() => _client.AddAgendaItemAsync(new AddAgendaItemRequest
        {
            MeetingId = som.Id, Kind = AgendaItemKind.JwgUpgrade, PriorityArea = PriorityArea.ProductionCapacity, Level = JwgLevel.WorkingGroup, Text = "Down",
        }, Admin).ResponseAsync));
        var jwgMeeting = await service.HeldMeetingAsync("jwg-connectivity", 1);
        Assert.Equal("jwg.upgrade-body", await Refusals.RuleOf(() => _client.AddAgendaItemAsync(new AddAgendaItemRequest
        {
            MeetingId = jwgMeeting.Id, Kind = AgendaItemKind.JwgUpgrade, PriorityArea = PriorityArea.Connectivity, Level = JwgLevel.Ministerial, Text = "Self-upgrade",
        }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task A_compiled_list_redelivered_is_applied_once_and_a_recompilation_replaces_it()
    {
        const int year = 2043;
        var messageId = NewId.NextGuid();
        var first = await service.CompileListAsync(year, projects: 2, messageId);
        // The broker delivers the same message again (same id, other content would be ignored too).
        await service.Services.GetRequiredService<IBus>().Publish(new AnnualListCompiled(year, [Guid.NewGuid()], DateTimeOffset.UtcNow), c => c.MessageId = messageId);
        // Wait until the consumer has seen the redelivery (the inbox says so), then look.
        await Eventually.TrueAsync(() => Task.FromResult(service.Logs.Lines.Any(l => l.Contains($"already applied message {messageId}", StringComparison.Ordinal))),
            because: "the redelivered message reaching the consumer");
        Assert.Equal(first, (await service.InDatabaseAsync(db => db.CompiledLists.SingleAsync(l => l.Year == year))).ProjectIds);

        // A new compilation (a new message) replaces the list.
        var second = await service.CompileListAsync(year, projects: 4);
        var stored = await service.InDatabaseAsync(db => db.CompiledLists.SingleAsync(l => l.Year == year));
        Assert.Equal(second, stored.ProjectIds);
        Assert.DoesNotContain(first[0], stored.ProjectIds);
    }

    private async Task<JwgLevel> LevelAsync(string body) =>
        (await _client.ListBodiesAsync(new ListBodiesRequest(), Admin)).Bodies.Single(b => b.Id == body).Level;
}
