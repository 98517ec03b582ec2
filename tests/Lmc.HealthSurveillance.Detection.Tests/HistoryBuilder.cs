using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

/// <summary>Year → values by week, every week at a base value unless set otherwise.</summary>
internal sealed class HistoryBuilder(WeekSystem system = WeekSystem.Iso)
{
    private readonly SortedDictionary<int, double[]> _years = [];

    public HistoryBuilder Years(int from, int to, double value)
    {
        for (var year = from; year <= to; year++)
        {
            _years[year] = [.. Enumerable.Repeat(value, EpiWeek.WeeksInYear(year, system))];
        }

        return this;
    }

    public HistoryBuilder Week(int week, params (int Year, double Value)[] values)
    {
        foreach (var (year, value) in values)
        {
            _years[year][week - 1] = value;
        }

        return this;
    }

    public IReadOnlyDictionary<int, IReadOnlyList<double>> Build() =>
        _years.ToDictionary(y => y.Key, y => (IReadOnlyList<double>)y.Value);

    /// <summary>All years in order as one series of values, from week 1 of the first year.</summary>
    public IEnumerable<double> Flatten() => _years.Values.SelectMany(v => v);

    /// <summary>
    /// ISO 2015..2019 (2015 has 53 weeks, the others 52), every week 5, except:
    /// week 10: 2015 8, 2016 4, 2017 6, 2018 8, 2019 4 (sorted 4, 4, 6, 8, 8);
    /// week 20: 2015 1, 2016 3, 2017 3, 2018 3, 2019 7 (x + 1 = 2, 4, 4, 4, 8, powers of 2);
    /// week 30: 2015..2018 0, 2019 15 (x + 1 = 1, 1, 1, 1, 16);
    /// week 52: 2015 100, 2016 2, 2017 4, 2018 6, 2019 8; week 53 (2015 only): 20.
    /// </summary>
    public static HistoryBuilder Standard() => new HistoryBuilder()
        .Years(2015, 2019, 5)
        .Week(10, (2015, 8), (2016, 4), (2017, 6), (2018, 8), (2019, 4))
        .Week(20, (2015, 1), (2016, 3), (2017, 3), (2018, 3), (2019, 7))
        .Week(30, (2015, 0), (2016, 0), (2017, 0), (2018, 0), (2019, 15))
        .Week(52, (2015, 100), (2016, 2), (2017, 4), (2018, 6), (2019, 8))
        .Week(53, (2015, 20));
}
