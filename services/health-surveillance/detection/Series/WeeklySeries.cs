using System.Collections.ObjectModel;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Series;

/// <summary>
/// Contiguous weekly values from <see cref="Start"/>: value i belongs to <c>Start.AddWeeks(i)</c>.
/// Every method here counts "periods back" by index, so a gap would silently shift baselines;
/// gaps are therefore settled when the series is built (<see cref="FromObservations"/>).
/// </summary>
public sealed class WeeklySeries
{
    private readonly ReadOnlyCollection<double> _values;

    /// <exception cref="ArgumentException">No values, or a value that is negative, NaN or infinite.</exception>
    public WeeklySeries(EpiWeek start, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = values.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("A weekly series needs at least one week.", nameof(values));
        }

        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]) || copy[i] < 0)
            {
                throw new ArgumentException($"Week {start.AddWeeks(i)} has the value {copy[i]}; values must be finite and not negative.", nameof(values));
            }
        }

        Start = start;
        End = start.AddWeeks(copy.Length - 1);
        _values = copy.AsReadOnly();
    }

    public EpiWeek Start { get; }

    public EpiWeek End { get; }

    public WeekSystem System => Start.System;

    public IReadOnlyList<double> Values => _values;

    public int Count => _values.Count;

    public double this[int index] => _values[index];

    public EpiWeek WeekAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Start.AddWeeks(index);
    }

    /// <summary>The index of <paramref name="week"/>, or -1 when the series does not cover it.</summary>
    public int IndexOf(EpiWeek week)
    {
        if (week.System != System)
        {
            return -1;
        }

        var index = Start.WeeksUntil(week);
        return index >= 0 && index < Count ? index : -1;
    }

    public IEnumerable<WeeklyValue> AsWeeklyValues() => _values.Select((value, i) => new WeeklyValue(Start.AddWeeks(i), value));

    /// <summary>
    /// Builds a series from reported weeks in any order. Duplicate weeks and mixed week systems
    /// are refused; missing weeks are refused or counted as 0, as <paramref name="missingWeeks"/> says.
    /// </summary>
    public static WeeklySeries FromObservations(IEnumerable<WeeklyValue> observations, MissingWeekPolicy missingWeeks = MissingWeekPolicy.Reject)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var sorted = observations.OrderBy(o => o.Week).ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A weekly series needs at least one week.", nameof(observations));
        }

        var system = sorted[0].Week.System;
        var values = new List<double>(sorted.Count);
        var expected = sorted[0].Week;
        foreach (var observation in sorted)
        {
            if (observation.Week.System != system)
            {
                throw new ArgumentException($"The series mixes {system} and {observation.Week.System} weeks.", nameof(observations));
            }

            if (observation.Week < expected)
            {
                throw new ArgumentException($"Week {observation.Week} is reported more than once.", nameof(observations));
            }

            for (; expected < observation.Week; expected = expected.Next())
            {
                if (missingWeeks != MissingWeekPolicy.TreatAsZero)
                {
                    throw new ArgumentException($"Week {expected} is missing; the series must be contiguous unless missing weeks are treated as 0.", nameof(observations));
                }

                values.Add(0);
            }

            values.Add(observation.Value);
            expected = expected.Next();
        }

        return new WeeklySeries(sorted[0].Week, values);
    }

    /// <summary>
    /// The epi years the series covers from week 1 to their last week, as year → values by week
    /// (index 0 is week 1): the history an endemic channel is built from. A partly covered year,
    /// usually the first and the current one, is left out.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<double>> CompleteYears()
    {
        var years = new Dictionary<int, IReadOnlyList<double>>();
        for (var year = Start.Year; year <= End.Year; year++)
        {
            var first = IndexOf(EpiWeek.Of(year, 1, System));
            var last = IndexOf(EpiWeek.Of(year, EpiWeek.WeeksInYear(year, System), System));
            if (first >= 0 && last >= 0)
            {
                years[year] = _values.Skip(first).Take(last - first + 1).ToArray();
            }
        }

        return years;
    }
}
