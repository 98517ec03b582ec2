using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Meetings.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Meetings.Application;

/// <summary>
/// The secretariat's work on meetings (scheduling, convening, the agenda, documents, taking
/// decisions, silence procedures: the administrator role, acting for the co-chairs) and the
/// delegations' (each member's secretariat registers its delegation and records its positions).
/// </summary>
public sealed class MeetingCommands(MeetingsDbContext db, DecisionRules rules, DecisionEffects effects, CoChairRotation rotation, TimeProvider time)
{
    public async Task<Meeting> ScheduleAsync(Caller caller, ScheduleMeeting command, CancellationToken cancellationToken)
    {
        var body = await BodyAsync(command.BodyId, cancellationToken);
        if (command.Ordinal < 0)
        {
            throw new ValidationException("ordinal", "must be 1 or more, or 0 for the next after the body's last");
        }

        var ordinal = command.Ordinal > 0
            ? command.Ordinal
            : (await db.Meetings.Where(m => m.BodyId == body.Id).MaxAsync(m => (int?)m.Ordinal, cancellationToken) ?? 0) + 1;
        if (await db.Meetings.AnyAsync(m => m.BodyId == body.Id && m.Ordinal == ordinal, cancellationToken))
        {
            throw new ConflictException($"{DocumentSymbols.Session(body.Symbol, ordinal)} is already scheduled.");
        }

        var coChairs = command.CoChairs.Count > 0 ? command.CoChairs : rotation.CoChairsOn(command.Start);
        var meeting = Meeting.Schedule(body, ordinal, command.Start, command.End, command.Host, command.Venue, coChairs, command.Title, Now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<Meeting> RegisterDelegationAsync(Caller caller, Guid meetingId, string country, string head, CancellationToken cancellationToken)
    {
        caller.EnsureActsFor(country, "register this delegation");
        var meeting = await MeetingAsync(meetingId, cancellationToken);
        meeting.RegisterDelegation(country, head, Now);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<Meeting> ConveneAsync(Caller caller, Guid meetingId, long expectedVersion, CancellationToken cancellationToken)
    {
        var meeting = await MeetingAsync(meetingId, cancellationToken);
        meeting.EnsureVersion(expectedVersion);
        meeting.Convene(Now);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>Closing records every item still pending as not adopted, with why.</summary>
    public async Task<Meeting> CloseAsync(Caller caller, Guid meetingId, long expectedVersion, CancellationToken cancellationToken)
    {
        var meeting = await MeetingAsync(meetingId, cancellationToken);
        meeting.EnsureVersion(expectedVersion);
        meeting.Close(Now);
        var pending = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Status == AgendaItemStatus.Pending).ToListAsync(cancellationToken);
        foreach (var item in pending)
        {
            item.Reject($"The meeting closed without consensus. {Consensus.InMeeting(item.Positions).Explain()}", Now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<AgendaItem> AddItemAsync(Caller caller, Guid meetingId, ItemSubject subject, string text, CancellationToken cancellationToken)
    {
        var meeting = await MeetingAsync(meetingId, cancellationToken);
        var body = await BodyAsync(meeting.BodyId, cancellationToken);
        var projectIds = await rules.CheckAsync(body, Validate(subject), null, cancellationToken);
        var item = AgendaItem.OnAgenda(meeting, meeting.NextItemNumber(Now), subject, text, projectIds, Now);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    public async Task<AgendaItem> StartSilenceAsync(Caller caller, string bodyId, ItemSubject subject, string text, DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        var body = await BodyAsync(bodyId, cancellationToken);
        var projectIds = await rules.CheckAsync(body, Validate(subject), null, cancellationToken);
        var number = (await db.AgendaItems.Where(i => i.BodyId == body.Id && i.MeetingId == null).MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0) + 1;
        var item = AgendaItem.UnderSilence(body, number, subject, text, projectIds, deadline, Now);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    public async Task<AgendaItem> IssueDocumentAsync(Caller caller, Guid itemId, DocumentKind kind, string title, string text, CancellationToken cancellationToken)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        item.IssueDocument(kind, title, text, Now);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    public async Task<AgendaItem> RecordPositionAsync(Caller caller, Guid itemId, string country, PositionKind kind, string? text, string? statement,
        CancellationToken cancellationToken)
    {
        caller.EnsureActsFor(country, "record this position");
        var item = await ItemAsync(itemId, cancellationToken);
        if (item.MeetingId is { } meetingId)
        {
            var meeting = await MeetingAsync(meetingId, cancellationToken);
            meeting.EnsureInSession("positions are recorded");
            if (kind != PositionKind.Absent && meeting.Delegations.All(d => d.Country != country))
            {
                throw new RuleViolationException("delegation.not-registered", $"{country} has no delegation registered at {meeting.Symbol}; register it before taking a position.");
            }
        }

        item.RecordPosition(new Position(country, kind, Blank(text), Blank(statement), Now, caller.Subject), Now);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    /// <summary>The chair takes the decision in session; its effects are written with it.</summary>
    public async Task<AgendaItem> DecideAsync(Caller caller, Guid itemId, long expectedVersion, CancellationToken cancellationToken)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        item.EnsureVersion(expectedVersion);
        var meeting = item.MeetingId is { } meetingId
            ? await MeetingAsync(meetingId, cancellationToken)
            : throw new RuleViolationException("silence.not-in-meeting", $"{item.Parent} is a silence procedure; it is adopted at its deadline, not in a meeting.");
        meeting.EnsureInSession("decisions are taken");
        var body = await BodyAsync(item.BodyId, cancellationToken);
        // The premise may have changed since the item was put: check it again.
        await rules.CheckAsync(body, new ItemSubject(item.Kind, item.Title, item.Year, item.PriorityArea, item.Level), item.Id, cancellationToken);
        item.AdoptInMeeting(Now);
        await effects.ApplyAsync(item, body, meeting.Symbol, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    private static ItemSubject Validate(ItemSubject subject)
    {
        var errors = new ValidationErrors();
        if (subject.Kind is AgendaItemKind.AnnualProjectList or AgendaItemKind.ImplementationReport && subject.Year is not (>= 2016 and <= 2100))
        {
            errors.Add("year", "is required for this kind of item: a year between 2016 and 2100");
        }

        if (subject.Kind == AgendaItemKind.JwgUpgrade)
        {
            if (!PriorityAreas.IsKnown(subject.PriorityArea))
            {
                errors.Add("priority_area", "is required for a JWG upgrade");
            }

            if (subject.Level is null)
            {
                errors.Add("level", "is required for a JWG upgrade");
            }
        }

        errors.ThrowIfAny();
        return subject;
    }

    private DateTimeOffset Now => time.GetUtcNow().ToMicroseconds();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<Body> BodyAsync(string id, CancellationToken cancellationToken) =>
        await db.Bodies.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("Body", id);

    private async Task<Meeting> MeetingAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Meeting", id.ToString());

    private async Task<AgendaItem> ItemAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Agenda item", id.ToString());
}

/// <summary>What the secretariat asks to schedule; co-chairs empty means from the rotation.</summary>
public sealed record ScheduleMeeting(string BodyId, int Ordinal, DateOnly Start, DateOnly End, string Host, string Venue, IReadOnlyList<string> CoChairs, string? Title);
