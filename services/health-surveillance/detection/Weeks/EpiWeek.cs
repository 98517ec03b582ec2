using System.Globalization;
using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Weeks;

/// <summary>
/// An epidemiological week, identified by its epi year and never by the calendar year:
/// ISO 2020-W53 ends on Sunday 3 January 2021, MMWR 2020-W01 starts on Sunday 29 December 2019.
/// </summary>
/// <remarks>
/// <c>default(EpiWeek)</c> (year 0, week 0) is not a week; create weeks with <see cref="Of"/> or
/// <see cref="FromDate"/>. Weeks order by their start date, which also orders weeks of different
/// systems consistently with equality (an ISO week starts on a Monday, an MMWR week on a Sunday,
/// so two different weeks never share a start).
/// </remarks>
public readonly record struct EpiWeek : IComparable<EpiWeek>
{
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2..9998 or the week outside 1..WeeksInYear.</exception>
    [JsonConstructor]
    public EpiWeek(int year, int week, WeekSystem system)
    {
        var weeks = WeeksInYear(year, system);
        if (week < 1 || week > weeks)
        {
            throw new ArgumentOutOfRangeException(nameof(week), week,
                $"{system} epi year {year} has weeks 1 to {weeks}; week {week} does not exist.");
        }

        Year = year;
        Week = week;
        System = system;
    }

    public int Year { get; }

    public int Week { get; }

    public WeekSystem System { get; }

    /// <summary>The first day: a Monday (ISO) or a Sunday (MMWR).</summary>
    public DateOnly Start => EpiCalendar.Week1Start(Year, System).AddDays(7 * (Week - 1));

    /// <summary>The last day, inclusive.</summary>
    public DateOnly End => Start.AddDays(6);

    /// <inheritdoc cref="EpiWeek(int, int, WeekSystem)"/>
    public static EpiWeek Of(int year, int week, WeekSystem system) => new(year, week, system);

    /// <summary>The week that holds <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date falls outside epi years 2..9998.</exception>
    public static EpiWeek FromDate(DateOnly date, WeekSystem system)
    {
        EpiCalendar.CheckYear(date.Year);
        var year = date.Year;
        // Up to three days of early January belong to the previous epi year, and up to three
        // days of late December to the next one.
        if (date < EpiCalendar.Week1Start(year, system))
        {
            year--;
        }
        else if (date >= EpiCalendar.Week1Start(year + 1, system))
        {
            year++;
        }

        EpiCalendar.CheckYear(year);
        var week = (date.DayNumber - EpiCalendar.Week1Start(year, system).DayNumber) / 7 + 1;
        return new EpiWeek(year, week, system);
    }

    /// <summary>52, or 53 when week 1 of the next year starts 371 days after this year's.</summary>
    public static int WeeksInYear(int year, WeekSystem system)
    {
        EpiCalendar.CheckYear(year);
        var days = EpiCalendar.Week1Start(year + 1, system).DayNumber - EpiCalendar.Week1Start(year, system).DayNumber;
        return days / 7;
    }

    public EpiWeek Next() => AddWeeks(1);

    public EpiWeek Previous() => AddWeeks(-1);

    /// <summary>Moves by whole weeks across epi years, so 52- and 53-week years are both handled.</summary>
    public EpiWeek AddWeeks(int weeks) => FromDate(Start.AddDays(checked(7 * weeks)), System);

    /// <summary>How many weeks from this week to <paramref name="other"/> (negative when earlier).</summary>
    public int WeeksUntil(EpiWeek other)
    {
        if (other.System != System)
        {
            throw new ArgumentException($"Cannot count weeks from {this} ({System}) to {other} ({other.System}).", nameof(other));
        }

        return (other.Start.DayNumber - Start.DayNumber) / 7;
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int CompareTo(EpiWeek other) => Start.CompareTo(other.Start);

    public static bool operator <(EpiWeek left, EpiWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(EpiWeek left, EpiWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(EpiWeek left, EpiWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EpiWeek left, EpiWeek right) => left.CompareTo(right) >= 0;

    /// <summary>"2024-W07" (ISO, the ISO 8601 week notation) or "2024-MMWR07".</summary>
    public override string ToString() => System == WeekSystem.Iso
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-MMWR{Week:D2}");
}
