using Lmc.Meetings.Domain;

namespace Lmc.Meetings.Tests;

/// <summary>Paras 10-11 against the record: Leaders every two years at most, the FMM every year.</summary>
public sealed class CadenceTests
{
    private static readonly CadenceRule[] Rules =
    [
        new("leaders", CadenceRuleKind.MaxIntervalMonths, 24),
        new("fmm", CadenceRuleKind.EveryCalendarYear),
    ];

    // The Leaders' Meetings of 2016, 2018, 2020 and 2023, and FMMs with none in 2019.
    private static readonly (string, DateOnly)[] Held =
    [
        ("leaders", new(2016, 3, 23)), ("leaders", new(2018, 1, 10)), ("leaders", new(2020, 8, 24)), ("leaders", new(2023, 12, 25)),
        ("fmm", new(2016, 12, 23)), ("fmm", new(2017, 12, 15)), ("fmm", new(2018, 12, 17)), ("fmm", new(2020, 2, 21)),
        ("fmm", new(2021, 6, 8)), ("fmm", new(2022, 7, 4)), ("fmm", new(2023, 12, 7)), ("fmm", new(2024, 8, 15)),
    ];

    [Fact]
    public void Gaps_of_more_than_two_years_between_leaders_meetings_are_breaches()
    {
        var report = Cadence.Evaluate(Rules, Held, new DateOnly(2025, 6, 1));

        var leaders = report.Breaches.Where(b => b.BodyId == "leaders").ToList();
        Assert.Equal([(new DateOnly(2018, 1, 10), new DateOnly(2020, 8, 24)), (new DateOnly(2020, 8, 24), new DateOnly(2023, 12, 25))],
            leaders.Select(b => (b.From, b.To)));
        Assert.Contains("31 months", leaders[0].Description);
        var due = Assert.Single(report.NextDue, d => d.BodyId == "leaders");
        Assert.Equal(new DateOnly(2025, 12, 25), due.DueBy);
        Assert.False(due.Overdue);
    }

    [Fact]
    public void A_calendar_year_without_a_foreign_ministers_meeting_is_a_breach()
    {
        var report = Cadence.Evaluate(Rules, Held, new DateOnly(2025, 6, 1));

        var fmm = Assert.Single(report.Breaches, b => b.BodyId == "fmm");
        Assert.Equal(new DateOnly(2019, 1, 1), fmm.From);
        Assert.Equal(new DateOnly(2019, 12, 31), fmm.To);
        // None held yet in 2025: due by the end of the year.
        Assert.Equal(new DateOnly(2025, 12, 31), Assert.Single(report.NextDue, d => d.BodyId == "fmm").DueBy);
    }

    [Fact]
    public void Once_the_two_years_have_passed_the_next_leaders_meeting_is_overdue()
    {
        var report = Cadence.Evaluate(Rules, Held, new DateOnly(2026, 1, 1));

        Assert.True(Assert.Single(report.NextDue, d => d.BodyId == "leaders").Overdue);
        Assert.Contains(report.Breaches, b => b.BodyId == "leaders" && b.From == new DateOnly(2023, 12, 25) && b.To == new DateOnly(2026, 1, 1));
        // The FMM of 2025 was missed by then too.
        Assert.Contains(report.Breaches, b => b.BodyId == "fmm" && b.From.Year == 2025);
    }

    [Fact]
    public void Exactly_two_years_apart_is_within_the_rule()
    {
        var report = Cadence.Evaluate(Rules, [("leaders", new(2020, 3, 1)), ("leaders", new(2022, 3, 1))], new DateOnly(2022, 6, 1));

        Assert.Empty(report.Breaches);
    }
}
