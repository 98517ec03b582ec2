using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Meetings.V1;
using Lmc.Testing;
using static Lmc.Meetings.Tests.MeetingsServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Meetings.Tests;

/// <summary>
/// Who may call what: reads need the meetings read scope; the chair's work (schedule, agenda,
/// documents, decisions, silence) is the administrator's; delegations and positions are each
/// member secretariat's own. Every cell is a real call; refused ones change nothing.
/// </summary>
[Collection(MeetingsServiceGroup.Name)]
public sealed class AuthorizationTests(MeetingsServiceFactory service)
{
    private static readonly Metadata Anonymous = [];
    private static readonly Metadata ReadOnly = Bearer(TestTokens.Mint("TH", [LmcRoles.Secretariat], scopes: [LmcScopes.Read("meetings")]));
    private static readonly Metadata OtherServiceScopes = Bearer(TestTokens.Mint(null, [LmcRoles.Admin], scopes: [LmcScopes.Write("projects")]));
    private static readonly Metadata FundManager = Bearer(TestTokens.For("CN", LmcRoles.FundManager));
    private static readonly Metadata Thailand = Secretariat("TH");

    public static TheoryData<string, string, StatusCode> Cells => new()
    {
        { "ListBodies", "anonymous", StatusCode.Unauthenticated },
        { "ListBodies", "other-service", StatusCode.PermissionDenied },
        { "ListBodies", "read-only", StatusCode.OK },
        { "GetCadence", "fund-manager", StatusCode.OK },
        { "ScheduleMeeting", "anonymous", StatusCode.Unauthenticated },
        { "ScheduleMeeting", "secretariat", StatusCode.PermissionDenied },
        { "ScheduleMeeting", "read-only", StatusCode.PermissionDenied },
        { "ScheduleMeeting", "other-service", StatusCode.PermissionDenied },
        { "ScheduleMeeting", "admin", StatusCode.OK },
        { "AddAgendaItem", "secretariat", StatusCode.PermissionDenied },
        { "AddAgendaItem", "fund-manager", StatusCode.PermissionDenied },
        { "AddAgendaItem", "admin", StatusCode.OK },
        { "TakeDecision", "secretariat", StatusCode.PermissionDenied },
        { "StartSilenceProcedure", "secretariat", StatusCode.PermissionDenied },
        { "RecordPosition", "admin", StatusCode.PermissionDenied },
        { "RecordPosition", "fund-manager", StatusCode.PermissionDenied },
        { "RecordPosition", "read-only", StatusCode.PermissionDenied },
        { "RecordPosition", "secretariat", StatusCode.OK },
        { "RegisterDelegation", "admin", StatusCode.PermissionDenied },
        { "RegisterDelegation", "secretariat", StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_call_is_allowed_only_to_its_callers(string rpc, string caller, StatusCode expected)
    {
        var client = service.Client();
        var headers = caller switch
        {
            "anonymous" => Anonymous,
            "read-only" => ReadOnly,
            "other-service" => OtherServiceScopes,
            "fund-manager" => FundManager,
            "secretariat" => Thailand,
            _ => Admin,
        };
        var meeting = await service.HeldMeetingAsync("diplomatic-jwg", Random.Shared.Next(1_000, 1_000_000), delegations: false);
        var item = (await client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "T", Text = "x" }, Admin)).Item;
        await client.RegisterDelegationAsync(new RegisterDelegationRequest { MeetingId = meeting.Id, Country = Country.Th, Head = "Ambassador" }, Thailand);

        Func<Task> call = rpc switch
        {
            "ListBodies" => () => client.ListBodiesAsync(new ListBodiesRequest(), headers).ResponseAsync,
            "GetCadence" => () => client.GetCadenceAsync(new GetCadenceRequest(), headers).ResponseAsync,
            "ScheduleMeeting" => () => client.ScheduleMeetingAsync(new ScheduleMeetingRequest
            {
                BodyId = "diplomatic-jwg", StartDate = "2032-01-01", EndDate = "2032-01-01", HostCountry = Country.Th, Venue = "Bangkok",
            }, headers).ResponseAsync,
            "AddAgendaItem" => () => client.AddAgendaItemAsync(new AddAgendaItemRequest { MeetingId = meeting.Id, Kind = AgendaItemKind.General, Title = "T2", Text = "y" }, headers).ResponseAsync,
            "TakeDecision" => () => client.TakeDecisionAsync(new TakeDecisionRequest { ItemId = item.Id }, headers).ResponseAsync,
            "StartSilenceProcedure" => () => client.StartSilenceProcedureAsync(new StartSilenceProcedureRequest
            {
                BodyId = "som", Kind = AgendaItemKind.General, Title = "T", Text = "x",
                Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(service.Clock.GetUtcNow().AddDays(1)),
            }, headers).ResponseAsync,
            "RecordPosition" => () => client.RecordPositionAsync(new RecordPositionRequest { ItemId = item.Id, Country = Country.Th, Kind = PositionKind.Support }, headers).ResponseAsync,
            "RegisterDelegation" => () => client.RegisterDelegationAsync(new RegisterDelegationRequest { MeetingId = meeting.Id, Country = Country.Th, Head = "Minister" }, headers).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(rpc)),
        };

        if (expected == StatusCode.OK)
        {
            await call();
        }
        else
        {
            Assert.Equal(expected, await Refusals.StatusOf(call));
            var after = (await client.GetAgendaItemAsync(new GetAgendaItemRequest { ItemId = item.Id }, Admin)).Item;
            Assert.Empty(after.Positions);
            Assert.Equal(AgendaItemStatus.Pending, after.Status);
        }
    }
}
