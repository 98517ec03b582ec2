namespace Lmc.Meetings.Domain;

public enum PositionKind
{
    Support = 1,
    NoObjection = 2,
    Reservation = 3,
    Objection = 4,
    Absent = 5,
}

/// <summary>
/// A member's position on an item, recorded by its own delegation. Text is the reservation's or
/// objection's wording; a statement may accompany any position and is attached to the record.
/// </summary>
public sealed record Position(string Country, PositionKind Kind, string? Text, string? Statement, DateTimeOffset RecordedAt, string RecordedBy);
