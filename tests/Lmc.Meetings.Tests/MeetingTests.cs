using Grpc.Core;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Meetings.V1;
using Lmc.Testing;
using static Lmc.Meetings.Tests.MeetingsServiceFactory;

namespace Lmc.Meetings.Tests;

/// <summary>Meetings, their agendas and decisions taken in session by consensus.</summary>
[Collection(MeetingsServiceGroup.Name)]
public sealed class MeetingTests(MeetingsServiceFactory service)
{
    private readonly MeetingsService.MeetingsServiceClient _client = service.Client();

    [Fact]
    public async Task The_bodies_of_the_framework_are_there_with_each_jwg_at_working_group_level()
    {
        var bodies = (await _client.ListBodiesAsync(new ListBodiesRequest(), Secretariat("KH"))).Bodies;

        Assert.Equal(["leaders", "fmm", "som", "diplomatic-jwg"], bodies.Take(4).Select(b => b.Id));
        var jwgs = bodies.Where(b => b.Kind == BodyKind.SectoralJwg).ToList();
        Assert.Equal(5, jwgs.Count);
        Assert.Contains(jwgs, b => b.Id == "jwg-water-resources" && b.PriorityArea == PriorityArea.WaterResources && b.Symbol == "JWG-WR");
        Assert.Contains(jwgs, b => b.Level == JwgLevel.WorkingGroup);
    }

    [Fact]
    public async Task A_meeting_takes_china_and_the_mekong_co_chair_of_the_period_from_the_rotation()
    {
        var cambodian = (await _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "fmm", Ordinal = 102, StartDate = "2017-12-15", EndDate = "2017-12-15", HostCountry = Country.Cn, Venue = "Dali",
        }, Admin)).Meeting;
        var lao = (await _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "fmm", Ordinal = 103, StartDate = "2018-12-17", EndDate = "2018-12-17", HostCountry = Country.La, Venue = "Luang Prabang",
        }, Admin)).Meeting;

        Assert.Equal([Country.Kh, Country.Cn], cambodian.CoChairs.OrderBy(c => c == Country.Cn));
        Assert.Equal([Country.Cn, Country.La], lao.CoChairs.OrderBy(c => c != Country.Cn));
        Assert.Equal("LMC/FMM.102", cambodian.Symbol);
        Assert.Equal("102nd Lancang-Mekong Cooperation Foreign Ministers' Meeting", cambodian.Title);
        Assert.Equal(MeetingStatus.Planned, cambodian.Status);
        Assert.Equal(StatusCode.AlreadyExists, await Refusals.StatusOf(() => _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "fmm", Ordinal = 102, StartDate = "2017-12-15", EndDate = "2017-12-15", HostCountry = Country.Cn, Venue = "Dali",
        }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task Bad_meeting_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "som", Ordinal = 104, StartDate = "2031-05-02", EndDate = "2031-05-01", HostCountry = Country.Th, Venue = "",
            CoChairs = { Country.Th, Country.Vn },
        }, Admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("end_date", error.Status.Detail);
        Assert.Contains("venue", error.Status.Detail);
        Assert.Contains("co_chairs", error.Status.Detail);
        Assert.DoesNotContain((await _client.ListMeetingsAsync(new ListMeetingsRequest { BodyId = "som", Year = 2031 }, Admin)).Meetings, m => m.Ordinal == 104);
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "som", Ordinal = 104, StartDate = "1 May 2031", EndDate = "2031-05-01", HostCountry = Country.Th, Venue = "Bangkok",
        }, Admin).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await Refusals.StatusOf(() => _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "g20", StartDate = "2031-05-01", EndDate = "2031-05-01", HostCountry = Country.Th, Venue = "Bangkok",
        }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task A_decision_is_refused_while_a_member_is_absent_or_objects_and_adopted_once_all_six_join()
    {
        var meeting = await service.HeldMeetingAsync("som", 105);
        var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest
        {
            MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "Joint statement on flood season cooperation", Text = "The SOM ...",
        }, Admin)).Item;
        Assert.Equal("LMC/SOM.105/L.1", item.Documents.Single().Symbol);

        // Five support; Myanmar has said nothing yet: not present on the record.
        foreach (var country in Members.Where(c => c != "MM"))
        {
            await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = CountryOf(country), Kind = PositionKind.Support }, Secretariat(country));
        }

        Assert.Equal("consensus.not-reached", await Refusals.RuleOf(() => _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin).ResponseAsync));

        await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = Country.Mm, Kind = PositionKind.Objection, Text = "Para 3 prejudges" }, Secretariat("MM"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin).ResponseAsync);
        Assert.Contains("Objected to by MM", refused.Status.Detail);

        // Myanmar turns its objection into a reservation; Viet Nam adds a statement.
        await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = Country.Mm, Kind = PositionKind.Reservation, Text = "On para 3" }, Secretariat("MM"));
        await _client.RecordPositionAsync(new RecordPositionRequest
        {
            ItemId = item.Id, Country = Country.Vn, Kind = PositionKind.NoObjection, Statement = "Viet Nam recalls the 1995 Mekong Agreement.",
        }, Secretariat("VN"));
        var adopted = (await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin)).Item;

        Assert.Equal(AgendaItemStatus.Adopted, adopted.Status);
        Assert.Equal(DecisionMethod.InMeeting, adopted.Decision.Method);
        Assert.Equal("LMC/SOM.105/DEC.1", adopted.Decision.Symbol);
        Assert.Equal("On para 3", Assert.Single(adopted.Decision.Reservations).Text);
        Assert.Equal(Country.Vn, Assert.Single(adopted.Decision.Statements).Country);
        Assert.Equal(["lmc.meetings.decision-adopted.v1"], await service.EventsOfAsync(item.Id));
        Assert.Equal("item.decided", await Refusals.RuleOf(() => _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task A_body_adopts_any_number_of_general_decisions_in_a_year()
    {
        // Only a year's project list and implementation report are decided once per body.
        var meeting = await service.HeldMeetingAsync("som", 131);
        foreach (var title in new[] { "Statement on the flood season", "Statement on the dry season" })
        {
            var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest
            {
                MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = title, Year = 2031, Text = "The SOM ...",
            }, Admin)).Item;
            foreach (var country in Members)
            {
                await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = CountryOf(country), Kind = PositionKind.Support }, Secretariat(country));
            }

            Assert.Equal(AgendaItemStatus.Adopted, (await _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin)).Item.Status);
        }
    }

    [Fact]
    public async Task Only_a_countrys_own_delegation_records_its_position()
    {
        var meeting = await service.HeldMeetingAsync("som", 106);
        var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "T", Text = "x" }, Admin)).Item;

        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => _client.RecordPositionAsync(
            new RecordPositionRequest { ItemId = item.Id, Country = Country.La, Kind = PositionKind.Objection, Text = "on Laos' behalf" }, Secretariat("TH")).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => _client.RecordPositionAsync(
            new RecordPositionRequest { ItemId = item.Id, Country = Country.La, Kind = PositionKind.Support }, Admin).ResponseAsync));
        Assert.Empty((await _client.GetAgendaItemAsync(new GetAgendaItemRequest { ItemId = item.Id }, Admin)).Item.Positions);
    }

    [Fact]
    public async Task A_country_without_a_registered_delegation_cannot_take_a_position_in_session()
    {
        var meeting = await service.HeldMeetingAsync("som", 107, delegations: false);
        var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "T", Text = "x" }, Admin)).Item;

        Assert.Equal("delegation.not-registered", await Refusals.RuleOf(() => _client.RecordPositionAsync(
            new RecordPositionRequest { ItemId = item.Id, Country = Country.Kh, Kind = PositionKind.Support }, Secretariat("KH")).ResponseAsync));
        // Staying away needs no delegation: the record shows the member absent.
        var absent = (await _client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = Country.Kh, Kind = PositionKind.Absent }, Secretariat("KH"))).Item;
        Assert.Equal(PositionKind.Absent, Assert.Single(absent.Positions).Kind);
    }

    [Fact]
    public async Task A_revision_clears_the_positions_taken_on_the_earlier_text_but_an_addendum_keeps_them()
    {
        var meeting = await service.HeldMeetingAsync("fmm", 108);
        var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "Joint press communiqué", Text = "v1" }, Admin)).Item;
        await service.PositionsAsync(item.Id);

        var withAddendum = (await _client.IssueDocumentAsync(new IssueDocumentRequest { ItemId = item.Id, Kind = DocumentKind.Addendum, Text = "annex" }, Admin)).Item;
        Assert.Equal(6, withAddendum.Positions.Count);
        var revised = (await _client.IssueDocumentAsync(new IssueDocumentRequest { ItemId = item.Id, Kind = DocumentKind.Revision, Text = "v2" }, Admin)).Item;
        var revisedAgain = (await _client.IssueDocumentAsync(new IssueDocumentRequest { ItemId = item.Id, Kind = DocumentKind.Revision, Text = "v3" }, Admin)).Item;

        Assert.Empty(revised.Positions);
        Assert.Equal(["LMC/FMM.108/L.1", "LMC/FMM.108/L.1/Add.1", "LMC/FMM.108/L.1/Rev.1", "LMC/FMM.108/L.1/Rev.2"], revisedAgain.Documents.Select(d => d.Symbol));
        Assert.Equal("consensus.not-reached", await Refusals.RuleOf(() => _client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task Closing_the_meeting_records_pending_items_as_not_adopted_and_takes_no_more_decisions()
    {
        var meeting = await service.HeldMeetingAsync("som", 109);
        var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "T", Text = "x" }, Admin)).Item;
        await service.PositionsAsync(item.Id, new Dictionary<string, PositionKind> { ["TH"] = PositionKind.Objection });

        var closed = (await _client.CloseMeetingAsync(new CloseMeetingRequest { MeetingId = meeting.Id }, Admin)).Meeting;
        var after = (await _client.GetAgendaItemAsync(new GetAgendaItemRequest { ItemId = item.Id }, Admin)).Item;

        Assert.Equal(MeetingStatus.Closed, closed.Status);
        Assert.Equal(AgendaItemStatus.NotAdopted, after.Status);
        Assert.Contains("Objected to by TH", after.OutcomeNote);
        Assert.Empty(await service.EventsOfAsync(item.Id));
        Assert.Equal("meeting.closed", await Refusals.RuleOf(() => _client.AddAgendaItemAsync(
            new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "Late", Text = "x" }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task A_stale_version_is_refused_when_convening()
    {
        var meeting = (await _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "diplomatic-jwg", Ordinal = 110, StartDate = "2031-03-01", EndDate = "2031-03-02", HostCountry = Country.Vn, Venue = "Ha Noi",
        }, Admin)).Meeting;
        await _client.RegisterDelegationAsync(new RegisterDelegationRequest { MeetingId = meeting.Id, Country = Country.Vn, Head = "Deputy Minister" }, Secretariat("VN"));

        Assert.Equal(StatusCode.Aborted, await Refusals.StatusOf(() => _client.ConveneMeetingAsync(
            new ConveneMeetingRequest { MeetingId = meeting.Id, ExpectedVersion = meeting.Version }, Admin).ResponseAsync));
    }

    [Fact]
    public async Task Enum_values_the_contract_does_not_name_and_out_of_range_numbers_are_refused_as_bad_input()
    {
        var meeting = await service.HeldMeetingAsync("som", 111);
        var item = (await _client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "T", Text = "x" }, Admin)).Item;

        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.RecordPositionAsync(
            new RecordPositionRequest { ItemId = item.Id, Country = Country.Kh, Kind = (PositionKind)9 }, Secretariat("KH")).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.IssueDocumentAsync(
            new IssueDocumentRequest { ItemId = item.Id, Kind = (DocumentKind)7, Text = "x" }, Admin).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.AddAgendaItemAsync(new AddAgendaItemRequest
        {
            MeetingId = meeting.Id, Kind = AgendaItemKind.JwgUpgrade, PriorityArea = PriorityArea.Connectivity, Level = (JwgLevel)7, Text = "x",
        }, Admin).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.RecordPositionAsync(new RecordPositionRequest
        {
            ItemId = item.Id, Country = Country.Kh, Kind = PositionKind.Reservation, Text = new string('x', 2001),
        }, Secretariat("KH")).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.ListMeetingsAsync(new ListMeetingsRequest { Year = 10_000 }, Admin).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = "som", Ordinal = -3, StartDate = "2031-05-01", EndDate = "2031-05-01", HostCountry = Country.Th, Venue = "Bangkok",
        }, Admin).ResponseAsync));
        Assert.Empty((await _client.GetAgendaItemAsync(new GetAgendaItemRequest { ItemId = item.Id }, Admin)).Item.Positions);
    }
}
