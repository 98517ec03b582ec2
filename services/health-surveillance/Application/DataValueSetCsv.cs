using System.Globalization;
using System.Text.RegularExpressions;
using Lmc.BuildingBlocks.Domain;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Application;

/// <summary>
/// Reads a DHIS2 data value set in CSV, the shape DHIS2 exports and imports
/// (<c>dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,...</c>), so a
/// national DHIS2 instance can push its weekly data unchanged. Data elements are
/// <c>&lt;disease&gt;.cases</c> and <c>&lt;disease&gt;.deaths</c>; periods are DHIS2's weekly
/// periods, <c>2024W7</c> (ISO, Monday) or <c>2024SunW7</c> (Sunday weeks, i.e. MMWR); org units
/// are ISO 3166-2 codes. A week with cases but no deaths row has 0 deaths.
/// </summary>
public static partial class DataValueSetCsv
{
    public static IReadOnlyList<WeeklyValueInput> Parse(string csv)
    {
        // Excel writes a byte-order mark; blank lines are skipped but keep the numbering of the others.
        var lines = csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((text, index) => (Text: text, Number: index + 1))
            .Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .ToArray();
        if (lines.Length == 0)
        {
            throw new ValidationException("csv", "is empty");
        }

        var header = Fields(lines[0].Text).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new ValidationException("csv", $"the header has no '{name}' column");
        var (element, period, orgUnit, value) = (Column("dataelement"), Column("period"), Column("orgunit"), Column("value"));

        var errors = new ValidationErrors();
        var weeks = new Dictionary<(string Disease, string Unit, int Year, int Week, WeekSystem System), (int? Cases, int? Deaths)>();
        for (var n = 1; n < lines.Length && errors.Count < 100; n++)
        {
            var row = Fields(lines[n].Text);
            var at = $"csv.line[{lines[n].Number.ToString(CultureInfo.InvariantCulture)}]";
            if (row.Count <= Math.Max(Math.Max(element, period), Math.Max(orgUnit, value)))
            {
                errors.Add(at, "has fewer columns than the header");
                continue;
            }

            var parts = row[element].Trim().Split('.');
            var match = PeriodPattern().Match(row[period].Trim());
            if (parts.Length != 2 || parts[1] is not ("cases" or "deaths"))
            {
                errors.Add(at + ".dataelement", $"'{row[element]}' is not <disease>.cases or <disease>.deaths");
                continue;
            }

            if (!match.Success)
            {
                errors.Add(at + ".period", $"'{row[period]}' is not a DHIS2 weekly period (2024W7 or 2024SunW7)");
                continue;
            }

            if (!int.TryParse(row[value].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                errors.Add(at + ".value", $"'{row[value]}' is not a whole number of 0 or more");
                continue;
            }

            var key = (parts[0], row[orgUnit].Trim().ToUpperInvariant(), int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture), match.Groups["sun"].Success ? WeekSystem.Mmwr : WeekSystem.Iso);
            var current = weeks.GetValueOrDefault(key);
            if ((parts[1] == "cases" ? current.Cases : current.Deaths) is not null)
            {
                errors.Add(at, $"{row[element]} for {row[orgUnit]} in {row[period]} appears twice");
                continue;
            }

            weeks[key] = parts[1] == "cases" ? (count, current.Deaths) : (current.Cases, count);
        }

        foreach (var ((disease, unit, year, week, _), _) in weeks.Where(w => w.Value.Cases is null).Take(20))
        {
            errors.Add("csv", $"{disease}.deaths for {unit} in {year}W{week} has no {disease}.cases row");
        }

        errors.ThrowIfAny();
        return [.. weeks.Select(w => new WeeklyValueInput(w.Key.Disease, w.Key.Unit, w.Key.Year, w.Key.Week, w.Key.System, w.Value.Cases!.Value, w.Value.Deaths ?? 0))];
    }

    /// <summary>RFC 4180 fields: commas inside double quotes, doubled quotes as one.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?<sun>Sun)?W(?<week>\d{1,2})$")]
    private static partial Regex PeriodPattern();
}
