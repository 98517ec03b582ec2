using System.Text.Json;

namespace Lmc.HealthSurveillance.Domain;

/// <summary>
/// A unit under heightened surveillance because a flood warning covers it (One Health, issue 16): the diseases that
/// follow floods are watched more closely there from the warning until some weeks after it is lifted. One per unit
/// and warning; the water-resources service's warning id links them.
/// </summary>
public sealed class HeightenedSurveillance
{
    private HeightenedSurveillance()
    {
    }

    public Guid Id { get; private set; }

    public Guid WarningId { get; private set; }

    public string Unit { get; private set; } = "";

    public string Country { get; private set; } = "";

    /// <summary>"flood" or "alarm", the warning's kind.</summary>
    public string Hazard { get; private set; } = "";

    public string StationCode { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public List<string> Diseases { get; private set; } = [];

    public DateTimeOffset From { get; private set; }

    /// <summary>Open while the warning is; weeks after its lifting once lifted.</summary>
    public DateTimeOffset? Until { get; private set; }

    public long Version { get; private set; }

    public static HeightenedSurveillance Start(Guid warningId, AdminUnit unit, string hazard, string station, string headline,
        IEnumerable<string> diseases, DateTimeOffset from) => new()
    {
        Id = Guid.CreateVersion7(from),
        WarningId = warningId,
        Unit = unit.Code,
        Country = unit.Country,
        Hazard = hazard,
        StationCode = station,
        Headline = headline.Length > 300 ? headline[..300] : headline,
        Diseases = [.. diseases],
        From = from,
    };

    public void End(DateTimeOffset liftedAt, int weeksAfter)
    {
        Until = liftedAt.AddDays(7 * weeksAfter);
        Version++;
    }

    public bool Covers(string disease, DateTimeOffset from, DateTimeOffset to) =>
        Diseases.Contains(disease) && From <= to && (Until is null || Until >= from);
}

/// <summary>Which warnings start a watch, of which diseases, and for how long after (Seed/flood-watch.json).</summary>
public sealed record FloodWatchRules(IReadOnlyList<string> WarningKinds, IReadOnlyList<string> Diseases, int WeeksAfterLifting)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static FloodWatchRules Parse(string json, ReferenceData reference)
    {
        var rules = JsonSerializer.Deserialize<FloodWatchRules>(json, Json)
            ?? throw new InvalidOperationException("flood-watch.json is empty.");
        var unknown = rules.Diseases.Where(d => reference.Disease(d) is null).ToList();
        return unknown.Count == 0 && rules.WeeksAfterLifting is > 0 and <= 26 ? rules
            : throw new InvalidOperationException($"flood-watch.json: unknown diseases {string.Join(", ", unknown)} or weeks out of 1-26.");
    }
}
