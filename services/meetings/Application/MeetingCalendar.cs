using System.Globalization;
using System.Text;
using Lmc.BuildingBlocks.Domain;
using Lmc.Meetings.Domain;

namespace Lmc.Meetings.Application;

/// <summary>
/// Meetings as an iCalendar feed (RFC 5545): one all-day VEVENT per meeting, so a secretariat can
/// subscribe from any calendar client. Lines end in CRLF and are folded at 75 octets; text is
/// escaped as the RFC requires.
/// </summary>
public static class MeetingCalendar
{
    public static string Render(IEnumerable<Meeting> meetings, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Lancang-Mekong Cooperation//LMC Platform meetings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape("LMC meetings"),
        };
        foreach (var meeting in meetings)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{meeting.Id}@lmc-platform");
            lines.Add("DTSTAMP:" + Stamp(now));
            lines.Add("LAST-MODIFIED:" + Stamp(meeting.UpdatedAt));
            lines.Add("DTSTART;VALUE=DATE:" + Date(meeting.StartDate));
            // DTEND of an all-day event is exclusive: the day after the last day.
            lines.Add("DTEND;VALUE=DATE:" + Date(meeting.EndDate.AddDays(1)));
            lines.Add("SUMMARY:" + Escape($"{meeting.Title} ({meeting.Symbol})"));
            lines.Add("LOCATION:" + Escape($"{meeting.Venue}, {MemberCountries.NameOf(meeting.HostCountry)}"));
            lines.Add("DESCRIPTION:" + Escape(
                $"{meeting.Symbol}\nCo-chairs: {string.Join(" and ", meeting.CoChairs.Select(MemberCountries.NameOf))}\nStatus: {meeting.Status.ToString().ToLowerInvariant()}"));
            lines.Add("STATUS:" + (meeting.Status == MeetingStatus.Planned ? "TENTATIVE" : "CONFIRMED"));
            lines.Add("SEQUENCE:" + meeting.Version.ToString(CultureInfo.InvariantCulture));
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    internal static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Folds a content line to at most 75 octets per line, never splitting a UTF-8 character.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts.
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
