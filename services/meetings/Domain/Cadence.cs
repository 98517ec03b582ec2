using Lmc.BuildingBlocks.Domain;

namespace Lmc.Meetings.Domain;

public enum CadenceRuleKind
{
    /// <summary>Consecutive meetings at most this many months apart (Leaders' Meeting: 24, para 10).</summary>
    MaxIntervalMonths = 1,

    /// <summary>At least one meeting in every calendar year (FMM, para 11).</summary>
    EveryCalendarYear = 2,
}

public sealed record CadenceRule(string BodyId, CadenceRuleKind Kind, int Months = 0)
{
    public string Name => Kind switch
    {
        CadenceRuleKind.MaxIntervalMonths => $"at most {Months} months between meetings",
        _ => "at least once every calendar year",
    };
}

public sealed record CadenceBreach(string BodyId, string Rule, DateOnly From, DateOnly To, string Description);

public sealed record CadenceDue(string BodyId, string Rule, DateOnly? LastHeld, DateOnly DueBy, bool Overdue);

public sealed record CadenceReport(DateOnly AsOf, IReadOnlyList<CadenceBreach> Breaches, IReadOnlyList<CadenceDue> NextDue);

/// <summary>
/// Checks the meetings held against the cadence of paras 10-11: which periods broke a rule, and
/// by when each body must next meet. Only meetings that took place (held or closed) count.
/// </summary>
public static class Cadence
{
    public static CadenceReport Evaluate(IEnumerable<CadenceRule> rules, IReadOnlyList<(string BodyId, DateOnly Date)> held, DateOnly asOf)
    {
        var breaches = new List<CadenceBreach>();
        var due = new List<CadenceDue>();
        foreach (var rule in rules)
        {
            var dates = held.Where(m => m.BodyId == rule.BodyId && m.Date <= asOf).Select(m => m.Date).Order().ToList();
            if (rule.Kind == CadenceRuleKind.MaxIntervalMonths)
            {
                EvaluateInterval(rule, dates, asOf, breaches, due);
            }
            else
            {
                EvaluateYearly(rule, dates, asOf, breaches, due);
            }
        }

        return new CadenceReport(asOf, breaches, due);
    }

    private static void EvaluateInterval(CadenceRule rule, List<DateOnly> dates, DateOnly asOf, List<CadenceBreach> breaches, List<CadenceDue> due)
    {
        for (var i = 1; i < dates.Count; i++)
        {
            var limit = dates[i - 1].AddMonths(rule.Months);
            if (dates[i] > limit)
            {
                breaches.Add(new CadenceBreach(rule.BodyId, rule.Name, dates[i - 1], dates[i],
                    $"{Months(dates[i - 1], dates[i])} months passed between the meetings of {dates[i - 1].ToIsoDate()} and {dates[i].ToIsoDate()}; the next was due by {limit.ToIsoDate()}."));
            }
        }

        if (dates.Count == 0)
        {
            return;
        }

        var dueBy = dates[^1].AddMonths(rule.Months);
        if (asOf > dueBy)
        {
            breaches.Add(new CadenceBreach(rule.BodyId, rule.Name, dates[^1], asOf,
                $"No meeting since {dates[^1].ToIsoDate()}; one was due by {dueBy.ToIsoDate()}."));
        }

        due.Add(new CadenceDue(rule.BodyId, rule.Name, dates[^1], dueBy, asOf > dueBy));
    }

    private static void EvaluateYearly(CadenceRule rule, List<DateOnly> dates, DateOnly asOf, List<CadenceBreach> breaches, List<CadenceDue> due)
    {
        if (dates.Count == 0)
        {
            return;
        }

        var years = dates.Select(d => d.Year).ToHashSet();
        for (var year = dates[0].Year; year < asOf.Year; year++)
        {
            if (!years.Contains(year))
            {
                breaches.Add(new CadenceBreach(rule.BodyId, rule.Name, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
                    $"No meeting was held in {year}."));
            }
        }

        var dueYear = years.Contains(asOf.Year) ? asOf.Year + 1 : asOf.Year;
        due.Add(new CadenceDue(rule.BodyId, rule.Name, dates[^1], new DateOnly(dueYear, 12, 31), false));
    }

    private static int Months(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
