namespace Lmc.HealthSurveillance.Domain;

/// <summary>
/// A notice in a country's inbox: a verified alert in a unit across its border, naming that
/// country's own units that face it. Written in the transaction that verifies the alert.
/// </summary>
public sealed class CrossBorderNotice
{
    public Guid Id { get; init; }
    public Guid AlertId { get; init; }
    public string FromCountry { get; init; } = "";
    public string ToCountry { get; init; } = "";
    public string Unit { get; init; } = "";
    public string UnitName { get; init; } = "";
    public List<string> FacingUnits { get; init; } = [];
    public string Disease { get; init; } = "";
    public string Week { get; init; } = "";
    public string Summary { get; init; } = "";
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public void Acknowledge(string by, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            return;
        }

        AcknowledgedAt = now;
        AcknowledgedBy = by;
    }
}
