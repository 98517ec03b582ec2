using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.HealthSurveillance.Domain;

public enum AlertStatus
{
    Signal = 1,
    Discarded = 2,
    Monitoring = 3,
    Verified = 4,
    RiskAssessed = 5,
    Responding = 6,
    Closed = 7,
}

public enum VerificationOutcome
{
    Discard = 1,
    Monitor = 2,
    Assess = 3,
}

public enum RiskLevel
{
    Low = 1,
    Moderate = 2,
    High = 3,
    VeryHigh = 4,
}

/// <summary>
/// An alert on a disease in a unit, opened by its first signal and fed by the later ones while it
/// is open, and worked by the unit's country's focal point through the WHO EWARS steps: signal ->
/// verification (discard, monitor, assess) -> risk assessment -> risk level -> response -> closed.
/// </summary>
public sealed class Alert
{
    private Alert()
    {
    }

    public Guid Id { get; private set; }
    public string Disease { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Country { get; private set; } = "";
    public AlertStatus Status { get; private set; }
    public RiskLevel? RiskLevel { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string FirstWeek { get; private set; } = "";
    public string LastWeek { get; private set; } = "";
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public IhrAnnex2? Ihr { get; private set; }
    public DateTimeOffset? AssessedAt { get; private set; }
    public string? Response { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public List<string> Log { get; private set; } = [];
    public long Version { get; private set; }

    /// <summary>When WHO must have been notified (IHR Annex 2): fixed at the first assessment that required it.</summary>
    public DateTimeOffset? WhoNotificationDue { get; private set; }

    public const int NoteMaxLength = 2000;
    public const int ActionsMaxLength = 4000;

    public static Alert Open(Signal signal, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Disease = signal.Disease,
        Unit = signal.Unit,
        Country = signal.Country,
        Status = AlertStatus.Signal,
        OpenedAt = now,
        FirstWeek = signal.WeekLabel,
        LastWeek = signal.WeekLabel,
        Log = [SignalLine(signal, now)],
        Version = 1,
    };

    /// <summary>A later signal of the same disease and unit; labels of one week system order as the weeks do.</summary>
    public void Attach(Signal signal, DateTimeOffset now)
    {
        if (string.CompareOrdinal(signal.WeekLabel, LastWeek) > 0)
        {
            LastWeek = signal.WeekLabel;
        }

        if (string.CompareOrdinal(signal.WeekLabel, FirstWeek) < 0)
        {
            FirstWeek = signal.WeekLabel;
        }

        Log = [.. Log, SignalLine(signal, now)];
        Version++;
    }

    private static string SignalLine(Signal signal, DateTimeOffset now) => string.Create(CultureInfo.InvariantCulture,
        $"{now:u} signal {signal.Method} in {signal.WeekLabel}: {signal.Observed:0.##} cases, statistic {signal.Statistic:0.##} against threshold {signal.Threshold:0.##}");

    /// <summary>The focal point's verification; Assess means verified, which notifies across the border.</summary>
    public void Verify(VerificationOutcome outcome, string note, string by, DateTimeOffset now)
    {
        if (Status is not (AlertStatus.Signal or AlertStatus.Monitoring))
        {
            throw new RuleViolationException("alert.not-awaiting-verification", $"The alert is {Name(Status)}; only a signal or a monitored alert is verified.");
        }

        Status = outcome switch
        {
            VerificationOutcome.Discard => AlertStatus.Discarded,
            VerificationOutcome.Monitor => AlertStatus.Monitoring,
            VerificationOutcome.Assess => AlertStatus.Verified,
            _ => throw new ValidationException("outcome", "is required: discard, monitor or assess"),
        };
        if (outcome == VerificationOutcome.Assess || VerifiedAt is null)
        {
            VerifiedAt = now;
            VerifiedBy = by;
        }

        if (outcome == VerificationOutcome.Discard)
        {
            ClosedAt = now;
        }

        Record($"verification: {outcome.ToString().ToLowerInvariant()}", note, by, now);
    }

    public void AssessRisk(RiskLevel level, IhrAnnex2 ihr, string note, string by, DateTimeOffset now)
    {
        if (Status is not (AlertStatus.Verified or AlertStatus.RiskAssessed))
        {
            throw new RuleViolationException("alert.not-verified", $"The alert is {Name(Status)}; risk is assessed once it is verified.");
        }

        if (!Enum.IsDefined(level))
        {
            throw new ValidationException("risk_level", "is required: low, moderate, high or very high");
        }

        Status = AlertStatus.RiskAssessed;
        RiskLevel = level;
        Ihr = ihr;
        AssessedAt = now;
        // A reassessment may raise the level; it does not move the clock already running for WHO.
        WhoNotificationDue ??= ihr.NotifyWhoBy(now);
        Record($"risk assessed {level}; IHR Annex 2 criteria met {ihr.CriteriaMet}/4{(ihr.NotifyWho ? "; notify WHO within 24 h" : "")}", note, by, now);
    }

    public void Respond(string actions, string by, DateTimeOffset now)
    {
        if (Status is not (AlertStatus.RiskAssessed or AlertStatus.Responding))
        {
            throw new RuleViolationException("alert.not-assessed", $"The alert is {Name(Status)}; a response follows the risk assessment.");
        }

        if (string.IsNullOrWhiteSpace(actions) || actions.Length > ActionsMaxLength)
        {
            throw new ValidationException("actions", $"is required: what was done, at most {ActionsMaxLength} characters");
        }

        Status = AlertStatus.Responding;
        Response = actions.Trim();
        Record("response", actions, by, now);
    }

    public void Close(string note, string by, DateTimeOffset now)
    {
        // EWARS: response, then closure; an alert assessed as low risk may close without one.
        if (!(Status is AlertStatus.Monitoring or AlertStatus.Responding || (Status == AlertStatus.RiskAssessed && RiskLevel == Domain.RiskLevel.Low)))
        {
            throw new RuleViolationException("alert.not-closable",
                $"The alert is {Name(Status)}; close it after monitoring, after a response, or once assessed as low risk.");
        }

        Status = AlertStatus.Closed;
        ClosedAt = now;
        Record("closed", note, by, now);
    }

    public void EnsureVersion(long expected) => ConcurrencyException.ThrowIfStale("Alert", Id, expected, Version);

    private void Record(string step, string? note, string by, DateTimeOffset now)
    {
        if (note is { Length: > NoteMaxLength })
        {
            throw new ValidationException("note", $"at most {NoteMaxLength} characters");
        }

        Log = [.. Log, $"{now:u} {step} by {by}{(string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim())}"];
        Version++;
    }

    private static string Name(AlertStatus status) => status.ToString().ToLowerInvariant();
}
