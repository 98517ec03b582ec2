using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Meetings.Domain;

public enum MeetingStatus
{
    Planned = 1,
    Held = 2,
    Closed = 3,
}

/// <summary>A member's delegation to a meeting and who heads it.</summary>
public sealed record Delegation(string Country, string Head);

/// <summary>
/// A session of a body: the 9th FMM (<c>LMC/FMM.9</c>), its dates and venue, its co-chairs (China
/// and the Mekong co-chair of the period) and the delegations. Planned until convened; decisions
/// are taken while it is held; closed, it takes no more.
/// </summary>
public sealed class Meeting
{
    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public string BodyId { get; private set; } = "";
    public int Ordinal { get; private set; }
    public string Symbol { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string HostCountry { get; private set; } = "";
    public string Venue { get; private set; } = "";
    public List<string> CoChairs { get; private set; } = [];
    public List<Delegation> Delegations { get; private set; } = [];
    public MeetingStatus Status { get; private set; }
    public int ItemCount { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Meeting Schedule(Body body, int ordinal, DateOnly start, DateOnly end, string host, string venue, IReadOnlyList<string> coChairs,
        string? title, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (ordinal < 1)
        {
            errors.Add("ordinal", "must be 1 or more");
        }

        if (end < start)
        {
            errors.Add("end_date", "must not be before start_date");
        }

        if (!MemberCountries.IsMember(host))
        {
            errors.Add("host_country", "must be a member country");
        }

        if (title is { Length: > 300 })
        {
            errors.Add("title", "at most 300 characters");
        }

        if (string.IsNullOrWhiteSpace(venue) || venue.Length > 200)
        {
            errors.Add("venue", "is required, at most 200 characters");
        }

        // Every LMC body is co-chaired by China and one Mekong country.
        if (coChairs.Count != 2 || !coChairs.Contains(MemberCountries.China) || !coChairs.All(MemberCountries.IsMember) || coChairs.Distinct().Count() != 2)
        {
            errors.Add("co_chairs", "must be China and one Mekong member country");
        }

        errors.ThrowIfAny();
        return new Meeting
        {
            Id = Guid.CreateVersion7(now),
            BodyId = body.Id,
            Ordinal = ordinal,
            Symbol = DocumentSymbols.Session(body.Symbol, ordinal),
            Title = string.IsNullOrWhiteSpace(title) ? $"{Ordinalize(ordinal)} {body.Name}" : title.Trim(),
            StartDate = start,
            EndDate = end,
            HostCountry = host,
            Venue = venue.Trim(),
            CoChairs = [.. coChairs.Order(StringComparer.Ordinal)],
            Status = MeetingStatus.Planned,
            Version = 1,
            UpdatedAt = now,
        };
    }

    public void RegisterDelegation(string country, string head, DateTimeOffset now)
    {
        EnsureNotClosed("register a delegation");
        if (string.IsNullOrWhiteSpace(head) || head.Length > 200)
        {
            throw new ValidationException("head", "is required, at most 200 characters");
        }

        Delegations = [.. Delegations.Where(d => d.Country != country), new Delegation(country, head.Trim())];
        Delegations.Sort((a, b) => string.CompareOrdinal(a.Country, b.Country));
        Touch(now);
    }

    public void Convene(DateTimeOffset now)
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new RuleViolationException("meeting.not-planned", $"{Symbol} is already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = MeetingStatus.Held;
        Touch(now);
    }

    public void Close(DateTimeOffset now)
    {
        if (Status != MeetingStatus.Held)
        {
            throw new RuleViolationException("meeting.not-held", $"{Symbol} is {Status.ToString().ToLowerInvariant()}; only a meeting in session closes.");
        }

        Status = MeetingStatus.Closed;
        Touch(now);
    }

    /// <summary>Numbers a new agenda item; the agenda is open until the meeting closes.</summary>
    public int NextItemNumber(DateTimeOffset now)
    {
        EnsureNotClosed("add agenda items");
        ItemCount++;
        Touch(now);
        return ItemCount;
    }

    public void EnsureInSession(string action)
    {
        if (Status != MeetingStatus.Held)
        {
            throw new RuleViolationException("meeting.not-in-session", $"{Symbol} is {Status.ToString().ToLowerInvariant()}; {action} only while it is held.");
        }
    }

    public void EnsureVersion(long expected) => ConcurrencyException.ThrowIfStale("Meeting", Id, expected, Version);

    private void EnsureNotClosed(string action)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw new RuleViolationException("meeting.closed", $"{Symbol} is closed; it is too late to {action}.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private static string Ordinalize(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
