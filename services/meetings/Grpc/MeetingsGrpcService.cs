using System.Text;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Meetings.V1;
using Lmc.Meetings.Application;
using Microsoft.AspNetCore.Authorization;
using static Lmc.Meetings.Grpc.MeetingMapping;
using static Lmc.BuildingBlocks.Grpc.CommonMapping;

namespace Lmc.Meetings.Grpc;

/// <summary>lmc.meetings.v1.MeetingsService.</summary>
public sealed class MeetingsGrpcService(MeetingCommands commands, MeetingQueries queries, TimeProvider time) : MeetingsService.MeetingsServiceBase
{
    public override async Task<ListBodiesResponse> ListBodies(ListBodiesRequest request, ServerCallContext context)
    {
        var response = new ListBodiesResponse();
        response.Bodies.AddRange((await queries.BodiesAsync(context.CancellationToken)).Select(ToProto));
        return response;
    }

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<ScheduleMeetingResponse> ScheduleMeeting(ScheduleMeetingRequest request, ServerCallContext context)
    {
        var command = new ScheduleMeeting(
            request.BodyId,
            request.Ordinal,
            Instants.ParseIsoDate(request.StartDate, "start_date"),
            Instants.ParseIsoDate(request.EndDate, "end_date"),
            request.HostCountry.RequireCode("host_country"),
            request.Venue,
            [.. request.CoChairs.Select(c => c.RequireCode("co_chairs"))],
            request.Title);
        return new() { Meeting = ToProto(await commands.ScheduleAsync(context.Caller(), command, context.CancellationToken), []) };
    }

    public override async Task<GetMeetingResponse> GetMeeting(GetMeetingRequest request, ServerCallContext context)
    {
        var (meeting, agenda) = await queries.MeetingAsync(ParseId(request.MeetingId, "meeting_id"), context.CancellationToken);
        return new() { Meeting = ToProto(meeting, agenda) };
    }

    public override async Task<ListMeetingsResponse> ListMeetings(ListMeetingsRequest request, ServerCallContext context)
    {
        var response = new ListMeetingsResponse();
        var meetings = await queries.MeetingsAsync(request.BodyId, CommonMapping.OptionalYear(request.Year, "year"), context.CancellationToken);
        response.Meetings.AddRange(meetings.Select(m => ToProto(m)));
        return response;
    }

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<RegisterDelegationResponse> RegisterDelegation(RegisterDelegationRequest request, ServerCallContext context) =>
        new()
        {
            Meeting = ToProto(await commands.RegisterDelegationAsync(context.Caller(), ParseId(request.MeetingId, "meeting_id"),
                request.Country.RequireCode("country"), request.Head, context.CancellationToken)),
        };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<ConveneMeetingResponse> ConveneMeeting(ConveneMeetingRequest request, ServerCallContext context) =>
        new() { Meeting = ToProto(await commands.ConveneAsync(context.Caller(), ParseId(request.MeetingId, "meeting_id"), request.ExpectedVersion, context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<CloseMeetingResponse> CloseMeeting(CloseMeetingRequest request, ServerCallContext context) =>
        new() { Meeting = ToProto(await commands.CloseAsync(context.Caller(), ParseId(request.MeetingId, "meeting_id"), request.ExpectedVersion, context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<AddAgendaItemResponse> AddAgendaItem(AddAgendaItemRequest request, ServerCallContext context) =>
        new()
        {
            Item = ToProto(await commands.AddItemAsync(context.Caller(), ParseId(request.MeetingId, "meeting_id"),
                Subject(request.Kind, request.Title, request.Year, request.PriorityArea, request.Level), request.Text, context.CancellationToken)),
        };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<StartSilenceProcedureResponse> StartSilenceProcedure(StartSilenceProcedureRequest request, ServerCallContext context)
    {
        if (request.Deadline is null)
        {
            throw new ValidationException("deadline", "is required: the exact instant silence ends");
        }

        var item = await commands.StartSilenceAsync(context.Caller(), request.BodyId,
            Subject(request.Kind, request.Title, request.Year, request.PriorityArea, request.Level), request.Text,
            request.Deadline.ToDateTimeOffset().ToMicroseconds(), context.CancellationToken);
        return new() { Item = ToProto(item) };
    }

    public override async Task<GetAgendaItemResponse> GetAgendaItem(GetAgendaItemRequest request, ServerCallContext context) =>
        new() { Item = ToProto(await queries.ItemAsync(ParseId(request.ItemId, "item_id"), context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<IssueDocumentResponse> IssueDocument(IssueDocumentRequest request, ServerCallContext context) =>
        new()
        {
            Item = ToProto(await commands.IssueDocumentAsync(context.Caller(), ParseId(request.ItemId, "item_id"), DocumentKind(request.Kind),
                request.Title, request.Text, context.CancellationToken)),
        };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<RecordPositionResponse> RecordPosition(RecordPositionRequest request, ServerCallContext context) =>
        new()
        {
            Item = ToProto(await commands.RecordPositionAsync(context.Caller(), ParseId(request.ItemId, "item_id"), request.Country.RequireCode("country"),
                PositionKind(request.Kind), request.Text, request.Statement, context.CancellationToken)),
        };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<TakeDecisionResponse> TakeDecision(TakeDecisionRequest request, ServerCallContext context) =>
        new() { Item = ToProto(await commands.DecideAsync(context.Caller(), ParseId(request.ItemId, "item_id"), request.ExpectedVersion, context.CancellationToken)) };

    public override async Task<ListDecisionsResponse> ListDecisions(ListDecisionsRequest request, ServerCallContext context)
    {
        var response = new ListDecisionsResponse();
        var items = await queries.DecisionsAsync(request.BodyId, CommonMapping.OptionalYear(request.Year, "year"), context.CancellationToken);
        response.Items.AddRange(items.Select(ToProto));
        return response;
    }

    public override async Task<GetCadenceResponse> GetCadence(GetCadenceRequest request, ServerCallContext context)
    {
        var asOf = string.IsNullOrEmpty(request.AsOf) ? (DateOnly?)null : Instants.ParseIsoDate(request.AsOf, "as_of");
        var report = await queries.CadenceAsync(asOf, context.CancellationToken);
        var response = new GetCadenceResponse { AsOf = report.AsOf.ToIsoDate() };
        response.Breaches.AddRange(report.Breaches.Select(b => new CadenceBreach
        {
            BodyId = b.BodyId, Rule = b.Rule, FromDate = b.From.ToIsoDate(), ToDate = b.To.ToIsoDate(), Description = b.Description,
        }));
        response.NextDue.AddRange(report.NextDue.Select(d => new CadenceDue
        {
            BodyId = d.BodyId, Rule = d.Rule, LastHeld = d.LastHeld?.ToIsoDate() ?? "", DueBy = d.DueBy.ToIsoDate(), Overdue = d.Overdue,
        }));
        return response;
    }

    public override async Task<HttpBody> ExportCalendar(ExportCalendarRequest request, ServerCallContext context)
    {
        var meetings = await queries.MeetingsAsync(request.BodyId, null, context.CancellationToken);
        var ics = MeetingCalendar.Render(meetings, time.GetUtcNow());
        return new HttpBody { ContentType = "text/calendar; charset=utf-8", Data = ByteString.CopyFrom(ics, Encoding.UTF8) };
    }
}
