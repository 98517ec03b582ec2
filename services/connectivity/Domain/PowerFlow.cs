using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Domain;

/// <summary>
/// One month of energy over a cross-border power interconnector, in MWh each way: "forward" from the country of the
/// link's from-node to the country of its to-node, "reverse" back. Reported once the month has ended, by the JWG or
/// a secretariat of either end's country (the two utilities meter the same line); a later report is a correction
/// that must name the version it corrects. Energy each way, and both together, cannot exceed what the line's
/// capacity carries in the month's hours: a figure above that is a typo in units (kWh for MWh), not trade.
/// </summary>
public sealed class PowerFlow
{
    private PowerFlow()
    {
    }

    public Guid Id { get; private set; }

    public Guid LinkId { get; private set; }

    /// <summary>The month's first day; <see cref="Month"/> is its text ("2024-03").</summary>
    public DateOnly MonthStart { get; private set; }

    public string FromCountry { get; private set; } = "";

    public string ToCountry { get; private set; } = "";

    public double MwhForward { get; private set; }

    public double MwhReverse { get; private set; }

    /// <summary>The line's capacity when the month was reported: utilisation stays what it was if the line is uprated.</summary>
    public double CapacityMw { get; private set; }

    public string ReportedBy { get; private set; } = "";

    public DateTimeOffset ReportedAt { get; private set; }

    public long Version { get; private set; }

    public string Month => MonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public double Hours => HoursIn(MonthStart);

    public double UtilisationForward => MwhForward / (CapacityMw * Hours);

    public double UtilisationReverse => MwhReverse / (CapacityMw * Hours);

    public double Utilisation => (MwhForward + MwhReverse) / (CapacityMw * Hours);

    public static PowerFlow Create(Link link, string fromCountry, string toCountry, string? month, double mwhForward, double mwhReverse,
        string reportedBy, DateTimeOffset now)
    {
        var start = Ensure(link, fromCountry, toCountry, month, DateOnly.FromDateTime(now.UtcDateTime));
        var flow = new PowerFlow
        {
            Id = Guid.CreateVersion7(),
            LinkId = link.Id,
            MonthStart = start,
            FromCountry = fromCountry,
            ToCountry = toCountry,
            CapacityMw = link.CapacityMw!.Value,
        };
        flow.Set(mwhForward, mwhReverse, reportedBy, now);
        return flow;
    }

    /// <summary>A correction of the month: the caller names the version it read, so two corrections cannot cross.</summary>
    public void Correct(double mwhForward, double mwhReverse, long expectedVersion, string reportedBy, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            throw new ConcurrencyException("power flow", Month, expectedVersion, Version);
        }

        Set(mwhForward, mwhReverse, reportedBy, now);
    }

    public static double HoursIn(DateOnly monthStart) => DateTime.DaysInMonth(monthStart.Year, monthStart.Month) * 24.0;

    public static DateOnly ParseMonth(string? month, string field)
    {
        return DateOnly.TryParseExact(month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : throw new ValidationException(field, "is a month written yyyy-MM, e.g. 2024-03");
    }

    private void Set(double mwhForward, double mwhReverse, string reportedBy, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var most = CapacityMw * Hours;
        foreach (var (field, value) in new[] { ("mwh_forward", mwhForward), ("mwh_reverse", mwhReverse) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                errors.Add(field, "is a number of MWh, zero or more");
            }
            else if (value > most)
            {
                errors.Add(field, $"is at most {most:0.#} MWh: {CapacityMw:0.#} MW for the month's {Hours:0} hours (is it kWh?)");
            }
        }

        if (errors.IsEmpty && mwhForward + mwhReverse > most)
        {
            errors.Add("mwh_reverse", $"with mwh_forward is at most {most:0.#} MWh, what the line carries in the month");
        }

        errors.ThrowIfAny();
        MwhForward = Math.Round(mwhForward, 3);
        MwhReverse = Math.Round(mwhReverse, 3);
        ReportedBy = reportedBy;
        ReportedAt = now;
        Version++;
    }

    private static DateOnly Ensure(Link link, string fromCountry, string toCountry, string? month, DateOnly today)
    {
        if (link.Mode != LinkMode.Power)
        {
            throw new ValidationException("link", $"{link.Code} is a {link.Mode.ToString().ToLowerInvariant()} link; flows are reported for power interconnectors");
        }

        if (fromCountry == toCountry)
        {
            throw new ValidationException("link", $"{link.Code} runs within {fromCountry}; flows are reported for cross-border interconnectors");
        }

        var start = ParseMonth(month, "month");
        if (start.AddMonths(1) > today)
        {
            throw new ValidationException("month", $"{start:yyyy-MM} has not ended; a month is reported once it is over");
        }

        if (link.Status is LinkStatus.Planned or LinkStatus.UnderConstruction
            || link.OpenedOn is { } opened && opened >= start.AddMonths(1))
        {
            throw new RuleViolationException("power-flow.line-not-open", $"{link.Code} was not open in {start:yyyy-MM}; it carried no power then.");
        }

        return start;
    }
}
