using System.Globalization;
using System.Text.RegularExpressions;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Domain;

namespace Lmc.WaterResources.Features;

/// <summary>One comparison of a SensorThings <c>$filter</c>: a field, an operator, a time or a number.</summary>
public sealed record FilterClause(string Field, string Operator, DateTimeOffset? Time, double? Number);

/// <summary>
/// The query options of a SensorThings request that the service answers: <c>$top</c>, <c>$skip</c>, <c>$count</c>,
/// <c>$orderby</c> and <c>$filter</c> on Observations (phenomenonTime, resultTime and result compared with eq, ne, gt,
/// ge, lt, le, joined by <c>and</c>). Anything else ($expand, $select, other functions) is refused by name rather
/// than ignored, so a client never takes a partial answer for a filtered one.
/// </summary>
public sealed partial record SensorThingsQuery(
    int Top, int Skip, bool Count, string OrderBy, bool Descending, IReadOnlyList<FilterClause> Filter)
{
    public const int DefaultTop = 100;
    public const int MaxTop = 10_000;

    private static readonly string[] Known = ["$top", "$skip", "$count", "$orderby", "$filter"];
    private static readonly string[] Operators = ["eq", "ne", "gt", "ge", "lt", "le"];

    /// <summary>
    /// The options of <paramref name="request"/>; <paramref name="orderable"/> the fields it may sort by.
    /// </summary>
    public static SensorThingsQuery Parse(IQueryCollection request, IReadOnlyList<string> orderable, bool filterable)
    {
        var unknown = request.Keys.Where(k => k.StartsWith('$') && !Known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(
                unknown[0], "is not supported here; use $top, $skip, $count, $orderby, $filter");
        }

        var top = Integer(request, "$top", DefaultTop);
        if (top is < 0 or > MaxTop)
        {
            throw new ValidationException("$top", $"is from 0 to {MaxTop}");
        }

        var skip = Integer(request, "$skip", 0);
        if (skip < 0)
        {
            throw new ValidationException("$skip", "is 0 or more");
        }

        var count = request["$count"].ToString() switch
        {
            "" or "false" => false,
            "true" => true,
            _ => throw new ValidationException("$count", "is true or false"),
        };
        var (orderBy, descending) = Order(request["$orderby"].ToString(), orderable);
        var filterText = request["$filter"].ToString();
        if (filterText.Length > 0 && !filterable)
        {
            throw new ValidationException("$filter", "is supported on Observations only");
        }

        return new SensorThingsQuery(top, skip, count, orderBy, descending, ParseFilter(filterText));
    }

    private static int Integer(IQueryCollection request, string name, int fallback)
    {
        var text = request[name].ToString();
        return text.Length == 0 ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ValidationException(name, $"'{text}' is not a whole number");
    }

    private static (string Field, bool Descending) Order(string text, IReadOnlyList<string> orderable)
    {
        if (text.Length == 0)
        {
            return (orderable[0], false);
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var field = orderable.FirstOrDefault(f => string.Equals(f, parts[0], StringComparison.Ordinal));
        var direction = parts.Length > 1 ? parts[1] : "asc";
        if (field is null || parts.Length > 2 || direction is not ("asc" or "desc"))
        {
            throw new ValidationException("$orderby", $"is one of {string.Join(", ", orderable)}, then asc or desc");
        }

        return (field, direction == "desc");
    }

    private static List<FilterClause> ParseFilter(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var clauses = new List<FilterClause>();
        foreach (var part in AndPattern().Split(text.Trim()))
        {
            var match = ClausePattern().Match(part.Trim());
            if (!match.Success || !Operators.Contains(match.Groups["op"].Value, StringComparer.Ordinal))
            {
                throw new ValidationException(
                    "$filter", $"'{part.Trim()}' is not understood: use phenomenonTime, resultTime or result, then eq, "
                        + "ne, gt, ge, lt or le and a value (an ISO 8601 time, or a number), clauses joined by and");
            }

            var field = match.Groups["field"].Value;
            var value = match.Groups["value"].Value.Trim('\'');
            if (field == "result")
            {
                clauses.Add(new FilterClause(field, match.Groups["op"].Value, null,
                    double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? number : throw new ValidationException("$filter", $"'{value}' is not a number")));
            }
            else
            {
                clauses.Add(new FilterClause(
                    field, match.Groups["op"].Value, Instants.ParseWithOffset(value, "$filter"), null));
            }
        }

        return clauses;
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^(?<field>phenomenonTime|resultTime|result)\s+(?<op>[a-z]{2})\s+(?<value>\S+)$")]
    private static partial Regex ClausePattern();
}

/// <summary>Observations narrowed by a parsed <c>$filter</c>, in a form EF translates.</summary>
public static class ObservationFilters
{
    public static IQueryable<Observation> Where(this IQueryable<Observation> query, FilterClause clause) =>
        (clause.Field, clause.Operator) switch
        {
            ("phenomenonTime", var op) => Compare(query, op, clause.Time!.Value, isResultTime: false),
            ("resultTime", var op) => Compare(query, op, clause.Time!.Value, isResultTime: true),
            (_, "eq") => query.Where(o => o.Value == clause.Number),
            (_, "ne") => query.Where(o => o.Value != clause.Number),
            (_, "gt") => query.Where(o => o.Value > clause.Number),
            (_, "ge") => query.Where(o => o.Value >= clause.Number),
            (_, "lt") => query.Where(o => o.Value < clause.Number),
            _ => query.Where(o => o.Value <= clause.Number),
        };

    private static IQueryable<Observation> Compare(
        IQueryable<Observation> query, string op, DateTimeOffset t, bool isResultTime) =>
        (op, isResultTime) switch
        {
            ("eq", false) => query.Where(o => o.Time == t),
            ("ne", false) => query.Where(o => o.Time != t),
            ("gt", false) => query.Where(o => o.Time > t),
            ("ge", false) => query.Where(o => o.Time >= t),
            ("lt", false) => query.Where(o => o.Time < t),
            ("le", false) => query.Where(o => o.Time <= t),
            ("eq", true) => query.Where(o => o.RecordedAt == t),
            ("ne", true) => query.Where(o => o.RecordedAt != t),
            ("gt", true) => query.Where(o => o.RecordedAt > t),
            ("ge", true) => query.Where(o => o.RecordedAt >= t),
            ("lt", true) => query.Where(o => o.RecordedAt < t),
            _ => query.Where(o => o.RecordedAt <= t),
        };
}
