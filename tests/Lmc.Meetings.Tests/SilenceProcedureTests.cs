using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Domain;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Meetings.V1;
using Lmc.Meetings.Application;
using Lmc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Meetings.Tests.MeetingsServiceFactory;

namespace Lmc.Meetings.Tests;

/// <summary>
/// The silence procedure on the service's fake clock: broken by an objection before the exact
/// deadline, adopted at the deadline otherwise, by the scheduled job.
/// </summary>
[Collection(MeetingsServiceGroup.Name)]
public sealed class SilenceProcedureTests(MeetingsServiceFactory service)
{
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);
    private readonly MeetingsService.MeetingsServiceClient _client = service.Client();

    [Fact]
    public async Task An_objection_a_microsecond_before_the_deadline_breaks_the_silence()
    {
        var (item, deadline) = await CirculateAsync("Statement on the Mekong-Lancang Week");
        await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = Country.Th, Kind = PositionKind.Reservation, Text = "On the date" }, Secretariat("TH"));

        service.Clock.SetUtcNow(deadline - Microsecond);
        var broken = (await _client.RecordPositionAsync(new RecordPositionRequest
        {
            ItemId = item.Id, Country = Country.Kh, Kind = PositionKind.Objection, Text = "Cambodia cannot join para 2",
        }, Secretariat("KH"))).Item;
        service.Clock.SetUtcNow(deadline);
        await ConcludeDueAsync();

        Assert.Equal(AgendaItemStatus.SilenceBroken, broken.Status);
        Assert.Contains("KH", broken.OutcomeNote);
        Assert.Equal(AgendaItemStatus.SilenceBroken, (await GetAsync(item.Id)).Status);
        Assert.Empty(await service.EventsOfAsync(item.Id));
    }

    [Fact]
    public async Task At_the_deadline_an_objection_is_too_late_and_the_text_is_adopted_as_of_the_deadline()
    {
        var (item, deadline) = await CirculateAsync("Decision on the LMC logo");
        await _client.RecordPositionAsync(new RecordPositionRequest
        {
            ItemId = item.Id, Country = Country.Mm, Kind = PositionKind.Reservation, Text = "On the colours", Statement = "Myanmar's statement",
        }, Secretariat("MM"));

        service.Clock.SetUtcNow(deadline - Microsecond);
        await ConcludeDueAsync();
        Assert.Equal(AgendaItemStatus.Pending, (await GetAsync(item.Id)).Status);

        service.Clock.SetUtcNow(deadline);
        Assert.Equal("silence.deadline-passed", await Refusals.RuleOf(() => _client.RecordPositionAsync(new RecordPositionRequest
        {
            ItemId = item.Id, Country = Country.Vn, Kind = PositionKind.Objection, Text = "Too late",
        }, Secretariat("VN")).ResponseAsync));
        await ConcludeDueAsync();

        var adopted = await GetAsync(item.Id);
        Assert.Equal(AgendaItemStatus.Adopted, adopted.Status);
        Assert.Equal(DecisionMethod.Silence, adopted.Decision.Method);
        Assert.Equal(deadline, adopted.Decision.AdoptedAt.ToDateTimeOffset());
        Assert.EndsWith("/DEC", adopted.Decision.Symbol);
        Assert.Equal(Country.Mm, Assert.Single(adopted.Decision.Reservations).Country);
        Assert.Single(adopted.Decision.Statements);
        Assert.Equal(["lmc.meetings.decision-adopted.v1"], await service.EventsOfAsync(item.Id));
    }

    [Fact]
    public async Task The_scheduled_job_adopts_a_jwg_upgrade_under_silence_once_the_clock_passes_the_deadline()
    {
        var deadline = service.Clock.GetUtcNow().AddMinutes(2).ToMicroseconds();
        var item = (await _client.StartSilenceProcedureAsync(new StartSilenceProcedureRequest
        {
            BodyId = "fmm", Kind = AgendaItemKind.JwgUpgrade, PriorityArea = PriorityArea.WaterResources, Level = JwgLevel.Ministerial,
            Text = "The FMM upgrades the JWG on Water Resources to the ministerial level.", Deadline = Timestamp.FromDateTimeOffset(deadline),
        }, Admin)).Item;
        Assert.StartsWith("LMC/FMM/SP.", item.Documents.Single().Symbol);

        service.Clock.SetUtcNow(deadline.AddSeconds(1));
        service.Clock.Advance(TimeSpan.FromSeconds(1)); // the job's next tick
        await Eventually.TrueAsync(async () => (await GetAsync(item.Id)).Status == AgendaItemStatus.Adopted, because: "the silence job to conclude the procedure");

        var bodies = (await _client.ListBodiesAsync(new ListBodiesRequest(), Admin)).Bodies;
        Assert.Equal(JwgLevel.Ministerial, bodies.Single(b => b.Id == "jwg-water-resources").Level);
        Assert.Equal(["lmc.meetings.decision-adopted.v1", "lmc.meetings.jwg-upgraded.v1"], await service.EventsOfAsync(item.Id));
    }

    [Fact]
    public async Task A_silence_procedure_is_not_decided_in_a_meeting_and_has_no_attendance()
    {
        var (item, _) = await CirculateAsync("Note");

        Assert.Equal("silence.not-in-meeting", await Refusals.RuleOf(() => _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.RecordPositionAsync(
            new RecordPositionRequest { ItemId = item.Id, Country = Country.La, Kind = PositionKind.Absent }, Secretariat("LA")).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.StartSilenceProcedureAsync(new StartSilenceProcedureRequest
        {
            BodyId = "som", Kind = AgendaItemKind.General, Title = "Past", Text = "x", Deadline = Timestamp.FromDateTimeOffset(service.Clock.GetUtcNow().AddMinutes(-1)),
        }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task A_text_under_silence_is_not_revised_in_place()
    {
        var (item, _) = await CirculateAsync("Statement on water data sharing");

        Assert.Equal("silence.text-fixed", await Refusals.RuleOf(() => _client.IssueDocumentAsync(
            new IssueDocumentRequest { ItemId = item.Id, Kind = DocumentKind.Revision, Text = "A new text" }, Admin).ResponseAsync));
        var addendum = (await _client.IssueDocumentAsync(new IssueDocumentRequest { ItemId = item.Id, Kind = DocumentKind.Addendum, Text = "An annex" }, Admin)).Item;
        Assert.EndsWith("/Add.1", addendum.Documents[^1].Symbol);
    }

    private async Task<(AgendaItem Item, DateTimeOffset Deadline)> CirculateAsync(string title)
    {
        var deadline = service.Clock.GetUtcNow().AddMinutes(1).ToMicroseconds();
        var item = (await _client.StartSilenceProcedureAsync(new StartSilenceProcedureRequest
        {
            BodyId = "som", Kind = AgendaItemKind.General, Title = title, Text = title + ": the text.", Deadline = Timestamp.FromDateTimeOffset(deadline),
        }, Admin)).Item;
        return (item, deadline);
    }

    private async Task<AgendaItem> GetAsync(string id) => (await _client.GetAgendaItemAsync(new GetAgendaItemRequest { ItemId = id }, Admin)).Item;

    private Task<int> ConcludeDueAsync() => service.InScopeAsync(sp => sp.GetRequiredService<SilenceProcedures>().ConcludeDueAsync(CancellationToken.None));
}
