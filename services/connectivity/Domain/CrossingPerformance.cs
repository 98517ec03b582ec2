using System.Globalization;
using System.Text.RegularExpressions;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Domain;

/// <summary>Release times of one kind of declaration: arrival of the goods to their release, in hours.</summary>
public sealed record ClearanceTimes(double MedianHours, double P90Hours, int Declarations)
{
    public void Check(string field, ValidationErrors errors)
    {
        if (!(double.IsFinite(MedianHours) && MedianHours >= 0 && MedianHours <= 24 * 60))
        {
            errors.Add(field + ".median_hours", "is 0 to 1440 hours");
        }

        if (!(double.IsFinite(P90Hours) && P90Hours >= MedianHours && P90Hours <= 24 * 90))
        {
            errors.Add(field + ".p90_hours", "is at least the median and at most 2160 hours");
        }

        if (Declarations < 0)
        {
            errors.Add(field + ".declarations", "cannot be negative");
        }
    }
}

/// <summary>
/// One side's clearance performance at a crossing for a period (a year, "2024", or a quarter, "2024-Q3"), as a
/// WCO time release study reports it: medians and 90th percentiles for import, export and transit. Reported by the
/// country of that side, once per period.
/// </summary>
public sealed partial class CrossingPerformance
{
    private CrossingPerformance()
    {
    }

    public Guid Id { get; private set; }

    public Guid CrossingId { get; private set; }

    public string Country { get; private set; } = "";

    public string Period { get; private set; } = "";

    /// <summary>The period's last day: what orders periods and picks a side's latest.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public ClearanceTimes Import { get; private set; } = null!;

    public ClearanceTimes Export { get; private set; } = null!;

    public ClearanceTimes Transit { get; private set; } = null!;

    public static CrossingPerformance Create(BorderCrossing crossing, string country, string? period, ClearanceTimes import,
        ClearanceTimes export, ClearanceTimes transit, DateOnly today)
    {
        crossing.SideOf(country);
        var errors = new ValidationErrors();
        var (text, end) = ParsePeriod(period, today, errors);
        import.Check("import", errors);
        export.Check("export", errors);
        transit.Check("transit", errors);
        errors.ThrowIfAny();
        return new CrossingPerformance
        {
            Id = Guid.CreateVersion7(),
            CrossingId = crossing.Id,
            Country = country,
            Period = text,
            PeriodEnd = end,
            Import = import,
            Export = export,
            Transit = transit,
        };
    }

    private static (string Text, DateOnly End) ParsePeriod(string? period, DateOnly today, ValidationErrors errors)
    {
        var text = period?.Trim() ?? "";
        var match = PeriodPattern().Match(text);
        if (!match.Success)
        {
            errors.Add("period", "is a year (2024) or a quarter (2024-Q3)");
            return (text, default);
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var quarter = match.Groups["quarter"].Success ? int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) : 0;
        var start = new DateOnly(year, quarter == 0 ? 1 : quarter * 3 - 2, 1);
        var end = quarter == 0 ? new DateOnly(year, 12, 31) : start.AddMonths(3).AddDays(-1);
        if (year < 2000 || start > today)
        {
            errors.Add("period", "has not begun yet, or is before 2000");
        }

        return (text, end);
    }

    [GeneratedRegex("^(?<year>[0-9]{4})(-Q(?<quarter>[1-4]))?$")]
    private static partial Regex PeriodPattern();
}

/// <summary>Which period counts as a side's latest: the one ending last, a quarter before the year it closes.</summary>
public static class Periods
{
    public static CrossingPerformance? Latest(IEnumerable<CrossingPerformance> periods, string country) =>
        periods.Where(p => p.Country == country).OrderByDescending(p => p.PeriodEnd).ThenByDescending(p => p.Period.Length).FirstOrDefault();

    /// <summary>Hours a route adds crossing from <paramref name="leaving"/> into <paramref name="entering"/>.</summary>
    public static double Dwell(IReadOnlyCollection<CrossingPerformance> periods, string leaving, string entering) =>
        (Latest(periods, leaving)?.Export.MedianHours ?? 0) + (Latest(periods, entering)?.Import.MedianHours ?? 0);
}
