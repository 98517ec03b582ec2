using Lmc.Meetings.Application;
using Lmc.Meetings.Domain;

namespace Lmc.Meetings.Tests;

public sealed class DocumentAndCalendarTests
{
    [Fact]
    public void Symbols_follow_the_un_pattern_for_sessions_drafts_revisions_and_decisions()
    {
        var session = DocumentSymbols.Session("FMM", 9);
        var draft = DocumentSymbols.Draft(session, 1);

        Assert.Equal("LMC/FMM.9", session);
        Assert.Equal("LMC/FMM.9/L.1", draft);
        Assert.Equal("LMC/FMM.9/L.1/Rev.2", DocumentSymbols.Derived(draft, DocumentKind.Revision, 2));
        Assert.Equal("LMC/FMM.9/L.1/Add.1", DocumentSymbols.Derived(draft, DocumentKind.Addendum, 1));
        Assert.Equal("LMC/FMM.9/L.1/Corr.1", DocumentSymbols.Derived(draft, DocumentKind.Corrigendum, 1));
        Assert.Equal("LMC/FMM.9/DEC.1", DocumentSymbols.Decision(session, 1));
        Assert.Equal("LMC/SOM/SP.3/DEC", DocumentSymbols.Decision(DocumentSymbols.SilenceProcedure("SOM", 3), null));
    }

    [Fact]
    public void The_calendar_is_rfc5545_with_all_day_events_escaped_text_and_folded_lines()
    {
        var body = StandardBodies.All.Single(b => b.Id == StandardBodies.ForeignMinisters);
        var meeting = Meeting.Schedule(body, 9, new DateOnly(2024, 8, 15), new DateOnly(2024, 8, 16), "TH", "Chiang Mai; Lanna Hall, Room 3",
            ["CN", "TH"], "Ninth Lancang-Mekong Cooperation Foreign Ministers' Meeting with a title long enough to need folding", DateTimeOffset.UnixEpoch);

        var ics = MeetingCalendar.Render([meeting], new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20240815\r\n", ics);
        Assert.Contains("DTEND;VALUE=DATE:20240817\r\n", ics); // exclusive end
        Assert.Contains("DTSTAMP:20240102T030405Z\r\n", ics);
        Assert.Contains(@"LOCATION:Chiang Mai\; Lanna Hall\, Room 3\, Thailand", ics.Replace("\r\n ", "", StringComparison.Ordinal));
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("SUMMARY:Ninth Lancang-Mekong Cooperation Foreign Ministers' Meeting with a title long enough to need folding (LMC/FMM.9)",
            ics.Replace("\r\n ", "", StringComparison.Ordinal));
    }
}
