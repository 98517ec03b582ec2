using System.Text.RegularExpressions;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Domain;

/// <summary>
/// A border crossing (para 23): the link across the border between two border-crossing nodes of two member
/// countries (side A is the link's from node), each side with its hours and its single window. The dwell a route
/// adds in one direction is the leaving side's export median plus the entering side's import median, from each
/// side's latest reported period (a WCO time release study measures each side's release time).
/// </summary>
public sealed partial class BorderCrossing : ICoded
{
    private BorderCrossing()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public Guid LinkId { get; private set; }

    public Guid SideANodeId { get; private set; }

    public Guid SideBNodeId { get; private set; }

    public string CountryA { get; private set; } = "";

    public string CountryB { get; private set; } = "";

    public DateOnly? OpenedOn { get; private set; }

    public string OpeningHoursA { get; private set; } = "";

    public string OpeningHoursB { get; private set; } = "";

    public SingleWindowStatus SingleWindowA { get; private set; }

    public SingleWindowStatus SingleWindowB { get; private set; }

    /// <summary>Hours a route adds crossing from side A to side B: kept with the crossing, so routing reads one column.</summary>
    public double DwellHoursAToB { get; private set; }

    public double DwellHoursBToA { get; private set; }

    public long Version { get; private set; }

    /// <summary>Takes a newly reported period into the dwell of both directions.</summary>
    public void Recompute(IReadOnlyCollection<CrossingPerformance> periods)
    {
        DwellHoursAToB = Math.Round(Periods.Dwell(periods, CountryA, CountryB), 3);
        DwellHoursBToA = Math.Round(Periods.Dwell(periods, CountryB, CountryA), 3);
        Version++;
    }

    public static BorderCrossing Create(string? code, string? name, Link link, Node sideA, Node sideB, DateOnly? openedOn,
        string? hoursA, string? hoursB, SingleWindowStatus windowA, SingleWindowStatus windowB, DateOnly today)
    {
        var errors = new ValidationErrors();
        var crossing = new BorderCrossing
        {
            Id = Guid.CreateVersion7(),
            Code = Codes.Check(code, "code", errors),
            Name = Codes.CheckName(name, "name", errors),
            LinkId = link.Id,
            SideANodeId = sideA.Id,
            SideBNodeId = sideB.Id,
            CountryA = sideA.Country,
            CountryB = sideB.Country,
            OpenedOn = openedOn,
            OpeningHoursA = CheckHours(hoursA, "opening_hours_a", errors),
            OpeningHoursB = CheckHours(hoursB, "opening_hours_b", errors),
            SingleWindowA = Enum.IsDefined(windowA) ? windowA : SingleWindowStatus.None,
            SingleWindowB = Enum.IsDefined(windowB) ? windowB : SingleWindowStatus.None,
            Version = 1,
        };
        if (link.FromNodeId != sideA.Id || link.ToNodeId != sideB.Id)
        {
            throw new InvalidOperationException("The sides are the link's nodes.");
        }

        if (!LinkModes.Freight.Contains(link.Mode) || link.Mode == LinkMode.Air)
        {
            errors.Add("link", "a border crossing is a road, rail or waterway link");
        }

        if (sideA.Kind != NodeKind.BorderCrossing || sideB.Kind != NodeKind.BorderCrossing)
        {
            errors.Add("link", $"both ends must be border-crossing nodes; {sideA.Code} is {sideA.Kind} and {sideB.Code} is {sideB.Kind}");
        }

        if (sideA.Country == sideB.Country)
        {
            errors.Add("link", $"both ends are in {sideA.Country}; a crossing joins two countries");
        }

        if (openedOn > today)
        {
            errors.Add("opened_on", "is in the future");
        }

        errors.ThrowIfAny();
        return crossing;
    }

    public string SideOf(string country) =>
        country == CountryA ? "A" : country == CountryB ? "B"
        : throw new RuleViolationException("crossing.not-a-side",
            $"{Code} joins {CountryA} and {CountryB}; {country} has no side of it to report.");

    private static string CheckHours(string? hours, string field, ValidationErrors errors)
    {
        var value = hours?.Trim() ?? "";
        if (value.Length > 0 && !Hours().IsMatch(value))
        {
            errors.Add(field, "is '24h' or opening and closing times as HH:MM-HH:MM (e.g. 06:00-22:00)");
        }

        return value;
    }

    [GeneratedRegex("^(24h|([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])$")]
    private static partial Regex Hours();
}
