using Lmc.BuildingBlocks.Domain;

namespace Lmc.WaterResources.Domain;

/// <summary>
/// A warning at a station: issued when its condition starts (on the ingest that shows it, or by a country's urgent
/// notice), delivered to the inbox of every member country at once, active while the condition holds, lifted when it
/// ends. A station has at most one active warning of each kind. Each country acknowledges its own copy.
/// </summary>
public sealed class Warning
{
    private readonly List<Delivery> _deliveries = [];

    private Warning()
    {
    }

    public Guid Id { get; private set; }

    public WarningKind Kind { get; private set; }

    public string StationCode { get; private set; } = "";

    public string StationName { get; private set; } = "";

    public string Country { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public string Description { get; private set; } = "";

    public double ValueM { get; private set; }

    public double? ThresholdM { get; private set; }

    public int? LevelVersion { get; private set; }

    public DateTimeOffset ObservedAt { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Set for an urgent notice (its announced end); open otherwise, until lifted.</summary>
    public DateTimeOffset? ValidUntil { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string LiftReason { get; private set; } = "";

    public double? PeakM { get; private set; }

    public DateOnly? ForecastDate { get; private set; }

    public List<string> ReachUnits { get; private set; } = [];

    public IReadOnlyList<Delivery> Deliveries => _deliveries;

    public long Version { get; private set; }

    public bool Active => LiftedAt is null;

    /// <summary>A warning from the rules, delivered to all six members.</summary>
    public static Warning Issue(
        StationInfo station,
        WarningKind kind,
        string headline,
        string description,
        double value,
        double? threshold,
        int? levelVersion,
        DateTimeOffset observedAt,
        DateOnly? forecastDate,
        DateTimeOffset? validUntil,
        DateTimeOffset now)
    {
        var warning = new Warning
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            StationCode = station.Code,
            StationName = station.Name,
            Country = station.Country,
            Headline = headline,
            Description = description,
            ValueM = Math.Round(value, 3),
            ThresholdM = threshold,
            LevelVersion = levelVersion,
            ObservedAt = observedAt,
            IssuedAt = now,
            ValidUntil = validUntil,
            PeakM = kind is WarningKind.Flood or WarningKind.Alarm ? Math.Round(value, 3) : null,
            ForecastDate = forecastDate,
            ReachUnits = [.. station.ReachUnits],
        };
        warning._deliveries.AddRange(MemberCountries.All.Select(c => new Delivery(warning.Id, c, now)));
        return warning;
    }

    /// <summary>The condition still holds on a later reading: the peak follows it, nothing is re-issued.</summary>
    public void StillHolds(double level, DateTimeOffset observedAt)
    {
        if (observedAt > ObservedAt)
        {
            ObservedAt = observedAt;
        }

        if (PeakM is { } peak && level > peak)
        {
            PeakM = Math.Round(level, 3);
        }

        Version++;
    }

    public void Lift(string reason, DateTimeOffset now)
    {
        if (!Active)
        {
            throw new RuleViolationException("warning.lifted", $"The warning {Id} was lifted already.");
        }

        LiftedAt = now;
        LiftReason = reason;
        Version++;
    }
}

/// <summary>
/// A member country's copy of a warning, in its inbox until it acknowledges it; escalated once if it does not.
/// </summary>
public sealed class Delivery
{
    private Delivery()
    {
    }

    public Delivery(Guid warningId, string country, DateTimeOffset deliveredAt)
    {
        WarningId = warningId;
        Country = country;
        DeliveredAt = deliveredAt;
    }

    public Guid WarningId { get; private set; }

    public string Country { get; private set; } = "";

    public DateTimeOffset DeliveredAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string AcknowledgedBy { get; private set; } = "";

    public string Note { get; private set; } = "";

    public DateTimeOffset? EscalatedAt { get; private set; }

    public bool Acknowledged => AcknowledgedAt is not null;

    /// <returns>False when it had been acknowledged already (the first acknowledgement stands).</returns>
    public bool Acknowledge(string subject, string? note, DateTimeOffset now)
    {
        if (Acknowledged)
        {
            return false;
        }

        if (note is { Length: > 1000 })
        {
            throw new ValidationException("note", "is at most 1,000 characters");
        }

        AcknowledgedAt = now;
        AcknowledgedBy = subject;
        Note = note?.Trim() ?? "";
        return true;
    }

    public void Escalate(DateTimeOffset now) => EscalatedAt = now;
}
