namespace Lmc.HealthSurveillance.Detection.Weeks;

/// <summary>The one rule both week systems share, parameterised by the day weeks start on.</summary>
internal static class EpiCalendar
{
    // MMWR week 1 of year 1 would start on 31 December of year 0, and deciding the weeks of
    // year 9999 needs week 1 of year 10000: neither is a DateOnly. Week1Start itself works for
    // MaxYear + 1, which is what WeeksInYear(MaxYear) needs.
    public const int MinYear = 2;
    public const int MaxYear = 9998;

    public static DayOfWeek FirstDay(WeekSystem system) => system switch
    {
        WeekSystem.Iso => DayOfWeek.Monday,
        WeekSystem.Mmwr => DayOfWeek.Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(system), system, "Unknown week system."),
    };

    /// <summary>
    /// The first day of week 1. A seven-day week has at least four days in the new year exactly
    /// when it holds 4 January, so "week 1 holds 4 January" (ISO) and "week 1 is the first week
    /// with at least four days in the year" (MMWR) are the same rule; only the first day differs.
    /// </summary>
    public static DateOnly Week1Start(int year, WeekSystem system)
    {
        var january4 = new DateOnly(year, 1, 4);
        var daysSinceWeekStart = ((int)january4.DayOfWeek - (int)FirstDay(system) + 7) % 7;
        return january4.AddDays(-daysSinceWeekStart);
    }

    public static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Epi years from {MinYear} to {MaxYear} are supported.");
        }
    }
}
