using System.Text.Json.Nodes;

namespace Lmc.Architecture.Tests.Events;

/// <summary>
/// What a version of an event may not do, checked between two catalogues (AsyncAPI documents) the way
/// <c>buf breaking</c> checks the protos: an event removed; a field removed or renamed; a field retyped (its type,
/// nullability, format, items or any other constraint); a field that becomes required or stops being one; a new
/// required field. Consumers read both the old messages (replays, webhooks redelivered from the log) and the new,
/// so a version only gains optional fields. Descriptions, titles and defaults may change.
/// </summary>
public static class SchemaCompatibility
{
    private static readonly HashSet<string> Structural = ["properties", "required", "items"];
    private static readonly HashSet<string> Prose = ["title", "description", "default", "examples"];

    /// <summary>Every breaking change from <paramref name="released"/> to <paramref name="current"/>, one line each.</summary>
    public static IReadOnlyList<string> Breaks(JsonObject released, JsonObject current)
    {
        var problems = new List<string>();
        var before = Messages(released);
        var after = Messages(current);
        foreach (var (name, message) in before)
        {
            if (!after.TryGetValue(name, out var now))
            {
                problems.Add($"{name}: the event was removed (publish it until its next version replaces it)");
                continue;
            }

            Compare($"{name} payload", message["payload"], now["payload"], problems);
        }

        Compare("headers", Headers(released), Headers(current), problems);
        return problems;
    }

    /// <summary>The breaking changes between two schemas (a record's payload and its edited copy).</summary>
    public static IReadOnlyList<string> PayloadBreaks(JsonNode? released, JsonNode? current)
    {
        var problems = new List<string>();
        Compare("payload", released, current, problems);
        return problems;
    }

    private static void Compare(string at, JsonNode? before, JsonNode? after, List<string> problems)
    {
        if (before is not JsonObject old || after is not JsonObject now)
        {
            if (!JsonNode.DeepEquals(before, after))
            {
                problems.Add($"{at}: the schema changed from {before?.ToJsonString() ?? "none"} to {after?.ToJsonString() ?? "none"}");
            }

            return;
        }

        foreach (var keyword in old.Select(p => p.Key).Union(now.Select(p => p.Key)))
        {
            if (Structural.Contains(keyword) || Prose.Contains(keyword) || JsonNode.DeepEquals(old[keyword], now[keyword]))
            {
                continue;
            }

            problems.Add(keyword == "type"
                ? $"{at}: retyped from {old[keyword]?.ToJsonString() ?? "any"} to {now[keyword]?.ToJsonString() ?? "any"}"
                : $"{at}: '{keyword}' changed from {Show(old[keyword])} to {Show(now[keyword])}");
        }

        Compare($"{at} items", old["items"], now["items"], problems);

        var oldProperties = old["properties"] as JsonObject ?? [];
        var newProperties = now["properties"] as JsonObject ?? [];
        var oldRequired = Names(old["required"]);
        var newRequired = Names(now["required"]);
        foreach (var (field, schema) in oldProperties)
        {
            if (!newProperties.ContainsKey(field))
            {
                problems.Add($"{at}: the field '{field}' was removed or renamed");
                continue;
            }

            Compare($"{at}.{field}", schema, newProperties[field], problems);
            if (oldRequired.Contains(field) != newRequired.Contains(field))
            {
                problems.Add(oldRequired.Contains(field)
                    ? $"{at}: the field '{field}' is no longer required"
                    : $"{at}: the field '{field}' became required");
            }
        }

        foreach (var (field, _) in newProperties.Where(p => !oldProperties.ContainsKey(p.Key) && newRequired.Contains(p.Key)))
        {
            problems.Add($"{at}: the new field '{field}' is required (make it nullable with a default)");
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "none";

    private static Dictionary<string, JsonObject> Messages(JsonObject document) =>
        (document["components"]?["messages"] as JsonObject ?? [])
        .Where(p => p.Value is JsonObject)
        .ToDictionary(p => p.Value!["name"]?.GetValue<string>() ?? p.Key, p => p.Value!.AsObject(), StringComparer.Ordinal);

    private static JsonNode? Headers(JsonObject document) => document["components"]?["schemas"]?["headers"];

    private static HashSet<string> Names(JsonNode? array) =>
        array is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
}
