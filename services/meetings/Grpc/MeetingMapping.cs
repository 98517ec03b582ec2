using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Common.V1;
using Domain = Lmc.Meetings.Domain;
using Proto = Lmc.Contracts.Meetings.V1;

namespace Lmc.Meetings.Grpc;

/// <summary>Domain to lmc.meetings.v1 and back; enum values map one to one, 0 is "unspecified".</summary>
internal static class MeetingMapping
{
    public static Domain.ItemSubject Subject(Proto.AgendaItemKind kind, string title, int year, PriorityArea area, Proto.JwgLevel level) =>
        new(kind switch
            {
                Proto.AgendaItemKind.AnnualProjectList => Domain.AgendaItemKind.AnnualProjectList,
                Proto.AgendaItemKind.ImplementationReport => Domain.AgendaItemKind.ImplementationReport,
                Proto.AgendaItemKind.JwgUpgrade => Domain.AgendaItemKind.JwgUpgrade,
                Proto.AgendaItemKind.General => Domain.AgendaItemKind.General,
                _ => throw new ValidationException("kind", "is required"),
            },
            string.IsNullOrWhiteSpace(title) ? DefaultTitle(kind, year, area, level) : title,
            year == 0 ? null : year,
            area.ToSlug(),
            level == Proto.JwgLevel.Unspecified ? null : Defined((Domain.JwgLevel)level, "level", "working group, senior officials or ministerial"));

    // Enum values arrive as numbers too: one the contract does not name is refused, never cast through.
    public static Domain.PositionKind PositionKind(Proto.PositionKind kind) =>
        Defined((Domain.PositionKind)kind, "kind", "support, no objection, reservation, objection or absent");

    // The domain refuses a second draft itself.
    public static Domain.DocumentKind DocumentKind(Proto.DocumentKind kind) =>
        Defined((Domain.DocumentKind)kind, "kind", "revision, addendum or corrigendum");

    private static T Defined<T>(T value, string field, string choices) where T : struct, System.Enum =>
        CommonMapping.RequireDefined(value, field, choices);

    public static Proto.Body ToProto(Domain.Body body) => new()
    {
        Id = body.Id,
        Name = body.Name,
        Kind = (Proto.BodyKind)body.Kind,
        Symbol = body.Symbol,
        PriorityArea = body.PriorityArea is { } area ? CommonMapping.ToPriorityArea(area) : PriorityArea.Unspecified,
        Level = body.Level is { } level ? (Proto.JwgLevel)level : Proto.JwgLevel.Unspecified,
    };

    public static Proto.Meeting ToProto(Domain.Meeting meeting, IEnumerable<Domain.AgendaItem>? agenda = null)
    {
        var proto = new Proto.Meeting
        {
            Id = meeting.Id.ToString(),
            BodyId = meeting.BodyId,
            Ordinal = meeting.Ordinal,
            Symbol = meeting.Symbol,
            Title = meeting.Title,
            StartDate = meeting.StartDate.ToIsoDate(),
            EndDate = meeting.EndDate.ToIsoDate(),
            HostCountry = CommonMapping.ToCountry(meeting.HostCountry),
            Venue = meeting.Venue,
            Status = (Proto.MeetingStatus)meeting.Status,
            Version = meeting.Version,
        };
        proto.CoChairs.AddRange(meeting.CoChairs.Select(CommonMapping.ToCountry));
        proto.Delegations.AddRange(meeting.Delegations.Select(d => new Proto.Delegation { Country = CommonMapping.ToCountry(d.Country), Head = d.Head }));
        if (agenda is not null)
        {
            proto.Agenda.AddRange(agenda.Select(ToProto));
        }

        return proto;
    }

    public static Proto.AgendaItem ToProto(Domain.AgendaItem item)
    {
        var proto = new Proto.AgendaItem
        {
            Id = item.Id.ToString(),
            BodyId = item.BodyId,
            MeetingId = item.MeetingId?.ToString() ?? "",
            Number = item.Number,
            Kind = (Proto.AgendaItemKind)item.Kind,
            Title = item.Title,
            Year = item.Year ?? 0,
            PriorityArea = item.PriorityArea is { } area ? CommonMapping.ToPriorityArea(area) : PriorityArea.Unspecified,
            Level = item.Level is { } level ? (Proto.JwgLevel)level : Proto.JwgLevel.Unspecified,
            Status = (Proto.AgendaItemStatus)item.Status,
            SilenceDeadline = item.SilenceDeadline is { } deadline ? Timestamp.FromDateTimeOffset(deadline) : null,
            OutcomeNote = item.OutcomeNote ?? "",
            Version = item.Version,
        };
        proto.Documents.AddRange(item.Documents.Select(d => new Proto.Document
        {
            Symbol = d.Symbol,
            Kind = (Proto.DocumentKind)d.Kind,
            Title = d.Title,
            Text = d.Text,
            IssuedAt = Timestamp.FromDateTimeOffset(d.IssuedAt),
        }));
        proto.Positions.AddRange(item.Positions.Select(ToProto));
        proto.ProjectIds.AddRange(item.ProjectIds.Select(id => id.ToString()));
        if (item.Decision is { } decision)
        {
            proto.Decision = new Proto.Decision
            {
                Method = (Proto.DecisionMethod)decision.Method,
                AdoptedAt = Timestamp.FromDateTimeOffset(decision.AdoptedAt),
                Symbol = decision.Symbol,
            };
            proto.Decision.Reservations.AddRange(decision.Reservations.Select(ToProto));
            proto.Decision.Statements.AddRange(decision.Statements.Select(ToProto));
        }

        return proto;
    }

    private static Proto.Position ToProto(Domain.Position position) => new()
    {
        Country = CommonMapping.ToCountry(position.Country),
        Kind = (Proto.PositionKind)position.Kind,
        Text = position.Text ?? "",
        Statement = position.Statement ?? "",
        RecordedAt = Timestamp.FromDateTimeOffset(position.RecordedAt),
        RecordedBy = position.RecordedBy,
    };

    private static string DefaultTitle(Proto.AgendaItemKind kind, int year, PriorityArea area, Proto.JwgLevel level) => kind switch
    {
        Proto.AgendaItemKind.AnnualProjectList => $"Annual project list for {year}",
        Proto.AgendaItemKind.ImplementationReport => $"Implementation progress report of the Plan of Action for {year}",
        Proto.AgendaItemKind.JwgUpgrade => $"Upgrade of the Joint Working Group on {area.ToSlug()} to the {level.ToString().ToLowerInvariant()} level",
        _ => "",
    };
}
