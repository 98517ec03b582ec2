using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Engine;
using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Domain;

/// <summary>A first-level administrative unit (ISO 3166-2): a province, region, state or capital.</summary>
public sealed record AdminUnit(string Code, string Country, string Name, string Type);

/// <summary>Two units that face each other across a land border; MBDS marks the network's paired sites.</summary>
public sealed record BorderPair(string A, string B, string Border, string? Crossing, bool Mbds);

/// <summary>How a disease is watched: its methods and the rules around them, shipped as data.</summary>
public sealed record DiseaseDefinition(
    string Code, string Name, string? Icd10, bool IhrAlwaysNotifiable, bool AnyCaseIsSignal, int MinimumCases, DetectionSettings Settings)
{
    public IEnumerable<string> MethodNames => Settings.EarsMethods.Select(m => "EARS_" + m.ToString().ToUpperInvariant())
        .Concat(Settings.EndemicChannel is null ? [] : ["ENDEMIC_CHANNEL"]);
}

/// <summary>
/// The reference data the service ships with (Seed/): units, border pairs, diseases. Read once at
/// start; a unit's facing units are what a verified alert there notifies.
/// </summary>
public sealed class ReferenceData
{
    private readonly FrozenDictionary<string, AdminUnit> _units;
    private readonly FrozenDictionary<string, DiseaseDefinition> _diseases;
    private readonly FrozenDictionary<string, string[]> _facing;

    public ReferenceData(IEnumerable<AdminUnit> units, IEnumerable<BorderPair> pairs, IEnumerable<DiseaseDefinition> diseases)
    {
        _units = units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
        _diseases = diseases.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        var pairList = pairs.ToList();
        foreach (var pair in pairList.Where(p => !_units.ContainsKey(p.A) || !_units.ContainsKey(p.B)))
        {
            throw new InvalidOperationException($"Border pair {pair.A}-{pair.B} names a unit the reference data lacks.");
        }

        _facing = pairList.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) })
            .GroupBy(p => p.Item1, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Item2).Distinct().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Pairs = pairList;
    }

    public IEnumerable<AdminUnit> Units => _units.Values.OrderBy(u => u.Code, StringComparer.Ordinal);

    public IEnumerable<DiseaseDefinition> Diseases => _diseases.Values.OrderBy(d => d.Code, StringComparer.Ordinal);

    public IReadOnlyList<BorderPair> Pairs { get; }

    public AdminUnit? Unit(string code) => _units.GetValueOrDefault(code);

    public DiseaseDefinition? Disease(string code) => _diseases.GetValueOrDefault(code);

    /// <summary>What a request naming an unknown unit is told, wherever it names one.</summary>
    public static string UnknownUnit(string code) => $"'{code}' is not a first-level administrative unit of a member country (ISO 3166-2)";

    /// <summary>What a request naming an unknown disease is told.</summary>
    public static string UnknownDisease(string code) => $"'{code}' is not a disease under surveillance";

    /// <summary>The unit a request names, or the caller's error on <paramref name="field"/>.</summary>
    public AdminUnit RequireUnit(string code, string field = "unit") =>
        Unit(code) ?? throw new Lmc.BuildingBlocks.Domain.ValidationException(field, UnknownUnit(code));

    /// <summary>The disease a request names, or the caller's error on <paramref name="field"/>.</summary>
    public DiseaseDefinition RequireDisease(string code, string field = "disease") => string.IsNullOrEmpty(code)
        ? throw new Lmc.BuildingBlocks.Domain.ValidationException(field, "is required: a disease code such as dengue")
        : Disease(code) ?? throw new Lmc.BuildingBlocks.Domain.ValidationException(field, UnknownDisease(code));

    /// <summary>Units across a border from this one (none for an interior unit).</summary>
    public IReadOnlyList<string> FacingUnits(string code) => _facing.GetValueOrDefault(code) ?? [];

    /// <summary>
    /// The reference data from the texts of its three files (admin-units.json, border-pairs.json,
    /// diseases.json), which <paramref name="readFile"/> gives by name: where they are kept is not the domain's.
    /// </summary>
    public static ReferenceData Parse(Func<string, string> readFile)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var units = Read<UnitsFile>(readFile, "admin-units.json", options).Units;
        var pairs = Read<PairsFile>(readFile, "border-pairs.json", options).Pairs;
        var diseases = Read<DiseasesFile>(readFile, "diseases.json", options).Diseases.Select(ToDefinition);
        return new ReferenceData(units, pairs, diseases);
    }

    private static DiseaseDefinition ToDefinition(DiseaseFile d)
    {
        var channel = d.Detection.EndemicChannel is { } c
            ? new ChannelSettings(c.Variant switch
            {
                "quartiles" => ChannelVariant.Quartiles,
                "meanPlus2Sd" => ChannelVariant.MeanStandardDeviation,
                "geometric" => ChannelVariant.Geometric,
                _ => throw new InvalidOperationException($"Disease {d.Code}: unknown endemic channel variant '{c.Variant}'."),
            }, MinimumYears: c.MinimumYears, MaximumYears: c.MaximumYears)
            : null;
        var ears = d.Detection.Ears.Select(m => Enum.Parse<Detection.Ears.EarsMethod>(m)).ToList();
        var settings = new DetectionSettings
        {
            EarsMethods = ears,
            EndemicChannel = channel,
            // Aggregate systems report zero weeks by not reporting; a gap counts as no cases.
            MissingWeeks = MissingWeekPolicy.TreatAsZero,
            // Channels are built from non-epidemic years only (DOMAIN.md).
            EpidemicYears = d.Detection.EpidemicYears ?? [],
        };
        if (ears.Count > 0 || channel is not null)
        {
            settings.Validate();
        }

        return new DiseaseDefinition(d.Code, d.Name, d.Icd10, d.IhrAlwaysNotifiable, d.Detection.AnyCaseIsSignal, d.Detection.MinimumCases, settings);
    }

    private static T Read<T>(Func<string, string> readFile, string file, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(readFile(file), options)
        ?? throw new InvalidOperationException($"{file} is empty.");

    private sealed record UnitsFile(List<AdminUnit> Units);

    private sealed record PairsFile(List<BorderPair> Pairs);

    private sealed record DiseasesFile(List<DiseaseFile> Diseases);

    private sealed record DiseaseFile(string Code, string Name, string? Icd10, bool IhrAlwaysNotifiable, DetectionFile Detection);

    private sealed record DetectionFile(List<string> Ears, ChannelFile? EndemicChannel, int MinimumCases, bool AnyCaseIsSignal, List<int>? EpidemicYears);

    private sealed record ChannelFile(string Variant, int MinimumYears, int MaximumYears);
}
