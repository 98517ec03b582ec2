using Lmc.BuildingBlocks.Domain;

namespace Lmc.Meetings.Domain;

public enum AgendaItemKind
{
    AnnualProjectList = 1,
    ImplementationReport = 2,
    JwgUpgrade = 3,
    General = 4,
}

public enum AgendaItemStatus
{
    Pending = 1,
    Adopted = 2,
    NotAdopted = 3,
    SilenceBroken = 4,
}

public enum DecisionMethod
{
    InMeeting = 1,
    Silence = 2,
}

/// <summary>
/// The record of an adopted decision: how, when, its symbol, and the reservations and statements
/// the members attached to it.
/// </summary>
public sealed record Decision(DecisionMethod Method, DateTimeOffset AdoptedAt, string Symbol, IReadOnlyList<Position> Reservations, IReadOnlyList<Position> Statements);

/// <summary>What an item asks the body to decide; checked for the body and year before it is created.</summary>
public sealed record ItemSubject(AgendaItemKind Kind, string Title, int? Year, string? PriorityArea, JwgLevel? Level);

/// <summary>
/// A matter put to a body for decision: an item on a meeting's agenda, or a text circulated under
/// the silence procedure between meetings. It carries its documents (draft and revisions), each
/// member's position, and, once decided, the decision.
/// </summary>
public sealed class AgendaItem
{
    private AgendaItem()
    {
    }

    public Guid Id { get; private set; }
    public string BodyId { get; private set; } = "";
    public Guid? MeetingId { get; private set; }
    /// <summary>The session (<c>LMC/FMM.9</c>) or the silence procedure (<c>LMC/SOM/SP.3</c>).</summary>
    public string Parent { get; private set; } = "";
    public int Number { get; private set; }
    public AgendaItemKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public int? Year { get; private set; }
    public string? PriorityArea { get; private set; }
    public JwgLevel? Level { get; private set; }
    public AgendaItemStatus Status { get; private set; }
    public List<Document> Documents { get; private set; } = [];
    public List<Position> Positions { get; private set; } = [];
    public DateTimeOffset? SilenceDeadline { get; private set; }
    public Decision? Decision { get; private set; }
    public List<Guid> ProjectIds { get; private set; } = [];
    public string? OutcomeNote { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Reservation, objection and statement texts; an objection under silence becomes the outcome note (4,000).</summary>
    public const int MaxPositionText = 2000;

    /// <summary>A document's text, in characters.</summary>
    public const int MaxDocumentText = 100_000;

    public bool IsSilenceProcedure => SilenceDeadline is not null;

    public static AgendaItem OnAgenda(Meeting meeting, int number, ItemSubject subject, string text, IReadOnlyList<Guid> projectIds, DateTimeOffset now) =>
        Create(meeting.BodyId, meeting.Id, meeting.Symbol, number, subject, text, projectIds, null, now);

    public static AgendaItem UnderSilence(Body body, int procedureNumber, ItemSubject subject, string text, IReadOnlyList<Guid> projectIds,
        DateTimeOffset deadline, DateTimeOffset now)
    {
        if (deadline <= now)
        {
            throw new ValidationException("deadline", "must be in the future");
        }

        return Create(body.Id, null, DocumentSymbols.SilenceProcedure(body.Symbol, procedureNumber), procedureNumber, subject, text, projectIds, deadline, now);
    }

    private static AgendaItem Create(string bodyId, Guid? meetingId, string parent, int number, ItemSubject subject, string text,
        IReadOnlyList<Guid> projectIds, DateTimeOffset? deadline, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(subject.Title) || subject.Title.Length > 300)
        {
            errors.Add("title", "is required, at most 300 characters");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxDocumentText)
        {
            errors.Add("text", $"is required: the draft put to the members, at most {MaxDocumentText} characters");
        }

        errors.ThrowIfAny();
        var draftNumber = meetingId is null ? 1 : number;
        return new AgendaItem
        {
            Id = Guid.CreateVersion7(now),
            BodyId = bodyId,
            MeetingId = meetingId,
            Parent = parent,
            Number = number,
            Kind = subject.Kind,
            Title = subject.Title.Trim(),
            Year = subject.Year,
            PriorityArea = subject.PriorityArea,
            Level = subject.Level,
            Status = AgendaItemStatus.Pending,
            Documents = [new Document(DocumentSymbols.Draft(parent, draftNumber), DocumentKind.Draft, subject.Title.Trim(), text, now)],
            ProjectIds = [.. projectIds],
            SilenceDeadline = deadline,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public string DraftSymbol => Documents[0].Symbol;

    /// <summary>
    /// A revision or corrigendum changes the text under decision, so positions taken on the
    /// earlier text no longer hold and are cleared; an addendum adds to it and keeps them.
    /// </summary>
    public Document IssueDocument(DocumentKind kind, string title, string text, DateTimeOffset now)
    {
        EnsurePending();
        if (kind == DocumentKind.Draft)
        {
            throw new ValidationException("kind", "the draft is issued with the item; issue a revision, addendum or corrigendum");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxDocumentText)
        {
            errors.Add("text", $"is required, at most {MaxDocumentText} characters");
        }

        if (title is { Length: > 300 })
        {
            errors.Add("title", "must be at most 300 characters");
        }

        errors.ThrowIfAny();

        // Under silence the members weigh one text until one deadline; a changed text is circulated anew.
        if (IsSilenceProcedure && kind is DocumentKind.Revision or DocumentKind.Corrigendum)
        {
            throw new RuleViolationException("silence.text-fixed",
                $"{Parent} is under silence until {SilenceDeadline:u}; a revised text goes out as a new silence procedure with its own deadline.");
        }

        var n = Documents.Count(d => d.Kind == kind) + 1;
        var document = new Document(DocumentSymbols.Derived(DraftSymbol, kind, n), kind, string.IsNullOrWhiteSpace(title) ? Title : title.Trim(), text, now);
        Documents = [.. Documents, document];
        if (kind is DocumentKind.Revision or DocumentKind.Corrigendum)
        {
            Positions = [];
        }

        Touch(now);
        return document;
    }

    public void RecordPosition(Position position, DateTimeOffset now)
    {
        EnsurePending();
        if (position.Kind is PositionKind.Reservation or PositionKind.Objection && string.IsNullOrWhiteSpace(position.Text))
        {
            throw new ValidationException("text", $"a {position.Kind.ToString().ToLowerInvariant()} must state its text");
        }

        if (position.Text is { Length: > MaxPositionText } || position.Statement is { Length: > MaxPositionText })
        {
            throw new ValidationException("text", $"a position's text and statement are at most {MaxPositionText} characters each");
        }

        if (SilenceDeadline is { } deadline)
        {
            // "Before the deadline": at the deadline itself silence has held and the text is adopted.
            if (now >= deadline)
            {
                throw new RuleViolationException("silence.deadline-passed", $"The silence procedure {Parent} ended at {deadline:u}; positions are no longer taken.");
            }

            if (position.Kind == PositionKind.Absent)
            {
                throw new ValidationException("kind", "a silence procedure has no attendance; object in writing or stay silent");
            }
        }

        Positions = [.. Positions.Where(p => p.Country != position.Country), position];
        Positions.Sort((a, b) => string.CompareOrdinal(a.Country, b.Country));
        if (SilenceDeadline is not null && position.Kind == PositionKind.Objection)
        {
            Status = AgendaItemStatus.SilenceBroken;
            OutcomeNote = $"Silence broken by {position.Country}'s objection at {now:u}: {position.Text}";
        }

        Touch(now);
    }

    /// <summary>The chair takes the decision in session: only by consensus of all six.</summary>
    public void AdoptInMeeting(DateTimeOffset now)
    {
        EnsurePending();
        if (IsSilenceProcedure)
        {
            throw new RuleViolationException("silence.not-in-meeting", $"{Parent} is a silence procedure; it is adopted at its deadline, not in a meeting.");
        }

        var outcome = Consensus.InMeeting(Positions);
        if (!outcome.Adopted)
        {
            throw new RuleViolationException("consensus.not-reached", $"{DraftSymbol} cannot be adopted: {outcome.Explain()}");
        }

        Adopt(DecisionMethod.InMeeting, DocumentSymbols.Decision(Parent, Number), now);
    }

    /// <summary>The silence held until the deadline: the text is adopted at the deadline.</summary>
    public bool ConcludeSilence(DateTimeOffset now)
    {
        if (Status != AgendaItemStatus.Pending || SilenceDeadline is not { } deadline || now < deadline)
        {
            return false;
        }

        Adopt(DecisionMethod.Silence, DocumentSymbols.Decision(Parent, null), deadline);
        UpdatedAt = now;
        return true;
    }

    /// <summary>The meeting closed (or the premise lapsed) without the item being adopted.</summary>
    public void Reject(string note, DateTimeOffset now)
    {
        EnsurePending();
        Status = AgendaItemStatus.NotAdopted;
        OutcomeNote = note;
        Touch(now);
    }

    public void EnsureVersion(long expected) => ConcurrencyException.ThrowIfStale("Agenda item", Id, expected, Version);

    private void Adopt(DecisionMethod method, string symbol, DateTimeOffset at)
    {
        var reservations = Positions.Where(p => p.Kind == PositionKind.Reservation).ToList();
        var statements = Positions.Where(p => !string.IsNullOrWhiteSpace(p.Statement)).ToList();
        Decision = new Decision(method, at, symbol, reservations, statements);
        Status = AgendaItemStatus.Adopted;
        OutcomeNote = null;
        Touch(at);
    }

    private void EnsurePending()
    {
        if (Status != AgendaItemStatus.Pending)
        {
            throw new RuleViolationException("item.decided", $"{DraftSymbol} is already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
