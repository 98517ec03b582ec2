using System.Globalization;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Domain;
using nietras.SeparatedValues;

namespace Lmc.WaterResources.Application;

/// <summary>One CSV row, with its line for the error that names it.</summary>
public sealed record CsvReading(int Row, string Station, string Property, string Unit, Reading Reading);

/// <summary>
/// Observations as CSV with a header row: <c>station,property,time,value,unit</c> (any order, RFC 4180 quoting),
/// times ISO 8601 with an offset (2025-08-20T07:00:00+07:00), values with a decimal point. The format national
/// hydrological services export from their databases; every bad row is named, and none is recorded if any is bad.
/// </summary>
public static class ObservationCsv
{
    public const int MaxRows = 200_000;

    /// <summary>The columns an import needs; the export writes them first, so its files import again.</summary>
    public static readonly IReadOnlyList<string> Columns = ["station", "property", "time", "value", "unit"];

    public static IReadOnlyList<CsvReading> Parse(string csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new ValidationException(
                "csv",
                "the request body is empty; send text/csv with a header row station,property,time,value,unit");
        }

        using var reader = Sep.New(',')
            .Reader(o => o with { Unescape = true, Trim = SepTrim.All })
            .FromText(csv.TrimStart('\uFEFF'));
        var names = reader.Header.ColNames.Select(n => n.ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(
                "csv", $"the header row lacks {string.Join(", ", missing)}; it needs {string.Join(",", Columns)}");
        }

        var at = Columns.Select(c => names.IndexOf(c)).ToArray();
        var rows = new List<CsvReading>();
        var errors = new ValidationErrors();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount < names.Count)
            {
                errors.Add($"row {line}", $"has {row.ColCount} columns, the header {names.Count}");
                continue;
            }

            var station = row[at[0]].ToString();
            var property = row[at[1]].ToString();
            var unit = row[at[4]].ToString();
            if (!DateTimeOffset.TryParse(
                    row[at[2]].Span, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                || !Instants.HasOffset(row[at[2]].Span))
            {
                errors.Add(
                    $"row {line}",
                    $"time '{row[at[2]].ToString()}' is not an ISO 8601 time "
                        + "with an offset (2025-08-20T07:00:00+07:00)");
            }

            if (!double.TryParse(row[at[3]].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"row {line}", $"value '{row[at[3]].ToString()}' is not a number with a decimal point");
            }

            if (station.Length == 0 || property.Length == 0)
            {
                errors.Add($"row {line}", "station and property are required");
            }

            rows.Add(new CsvReading(line, station, property, unit, new Reading(time, value)));
            if (rows.Count > MaxRows)
            {
                throw new ValidationException("csv", $"has more than {MaxRows:N0} rows; split it");
            }

            if (errors.Count >= 20)
            {
                break;
            }
        }

        errors.ThrowIfAny();
        return rows.Count > 0 ? rows : throw new ValidationException("csv", "has a header but no rows");
    }
}
