using System.Collections.Frozen;
using System.Text.Json;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.WaterResources.Domain;

/// <summary>
/// A gauging station as the service ships it (Seed/stations.json): MRC's code where it has one, else the
/// platform's (LMC-&lt;forecast point&gt;); where it is; its zero gauge; what it measures; the ISO 3166-2 units its
/// reach faces; the levels its sources give (the implicit version 0); and which values had to be filled in.
/// </summary>
public sealed record StationInfo(
    string Code,
    string Name,
    string Country,
    string River,
    string Kind,
    double? Latitude,
    double? Longitude,
    double? ZeroGaugeM,
    string Datum,
    string ForecastPoint,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> ReachUnits,
    double ReachRadiusKm,
    ShippedLevels Levels,
    IReadOnlyList<string> FilledIn,
    string Source)
{
    public bool Observes(string property) => Measures.Contains(property, StringComparer.Ordinal);

    /// <summary>Stations keep local dates: China's at UTC+8, the five downstream at UTC+7.</summary>
    public TimeSpan UtcOffset => Country == "CN" ? TimeSpan.FromHours(8) : TimeSpan.FromHours(7);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);
}

/// <summary>The alarm and flood levels a station's sources give (null where none does).</summary>
public sealed record ShippedLevels(double? AlarmM, double? FloodM);

/// <summary>An OGC SensorThings ObservedProperty with the one unit the service keeps it in.</summary>
public sealed record ObservedProperty(
    string Code,
    string Name,
    string Definition,
    string Unit,
    string Ucum,
    IReadOnlyList<string> Accepts,
    double Min,
    double Max)
{
    public const string WaterLevel = "water-level";

    /// <summary>
    /// The unit as stored, or the caller's error: a value in another unit is refused, never converted.
    /// </summary>
    public string RequireUnit(string? unit, string field = "unit")
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            throw new ValidationException(field, $"is required: {Code} is recorded in {Unit}");
        }

        return Accepts.Contains(unit.Trim(), StringComparer.Ordinal) ? Unit
            : throw new ValidationException(
                field, $"'{unit}' is not the unit of {Code}; give values in {Unit} ({string.Join(", ", Accepts)})");
    }

    public void RequirePlausible(double value, string field)
    {
        if (!double.IsFinite(value) || value < Min || value > Max)
        {
            throw new ValidationException(
                field,
                $"{value} {Unit} is outside {Min} to {Max} {Unit}, the plausible range of {Code}; check the unit");
        }
    }
}

/// <summary>The stations and observed properties the service ships with, read once at start.</summary>
public sealed class Catalogue
{
    private readonly FrozenDictionary<string, StationInfo> _stations;
    private readonly FrozenDictionary<string, ObservedProperty> _properties;

    public Catalogue(IEnumerable<StationInfo> stations, IEnumerable<ObservedProperty> properties)
    {
        Stations = [.. stations];
        _stations = Stations.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        _properties = properties.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var station in Stations)
        {
            var unknown = station.Measures.Where(m => !_properties.ContainsKey(m)).ToList();
            if (unknown.Count > 0 || !MemberCountries.IsMember(station.Country))
            {
                throw new InvalidOperationException(
                    $"Station {station.Code}: unknown country or properties {string.Join(", ", unknown)}.");
            }
        }
    }

    /// <summary>In the file's order: each river upstream to downstream.</summary>
    public IReadOnlyList<StationInfo> Stations { get; }

    public IEnumerable<ObservedProperty> Properties => _properties.Values.OrderBy(p => p.Code, StringComparer.Ordinal);

    public bool HasProperty(string code) => _properties.ContainsKey(code);

    /// <summary>The unit a recorded property is kept in.</summary>
    public string UnitOf(string property) => _properties[property].Unit;

    public StationInfo? Station(string code) => _stations.GetValueOrDefault(code);

    public StationInfo RequireStation(string? code, string field = "station") => string.IsNullOrWhiteSpace(code)
        ? throw new ValidationException(
            field, "is required: a station code such as 011901 (Vientiane) or LMC-NAK (Nakhon Phanom)")
        : Station(code.Trim()) ?? throw new NotFoundException("station", code);

    /// <summary>The property, which the station must measure.</summary>
    public ObservedProperty RequireProperty(StationInfo station, string? code, string field = "property")
    {
        var property = string.IsNullOrWhiteSpace(code) ? null : _properties.GetValueOrDefault(code.Trim());
        if (property is null)
        {
            throw new ValidationException(
                field, $"'{code}' is not an observed property; one of {string.Join(", ", _properties.Keys.Order())}");
        }

        return station.Observes(property.Code) ? property
            : throw new ValidationException(
                field,
                $"{station.Name} ({station.Code}) does not measure {property.Code}; "
                    + $"it measures {string.Join(", ", station.Measures)}");
    }

    /// <summary>
    /// The catalogue from stations.json and properties.json, which <paramref name="readFile"/> gives by name.
    /// </summary>
    public static Catalogue Parse(Func<string, string> readFile)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stations = JsonSerializer.Deserialize<StationsFile>(readFile("stations.json"), options)?.Stations
            ?? throw new InvalidOperationException("stations.json is empty.");
        var properties = JsonSerializer.Deserialize<PropertiesFile>(readFile("properties.json"), options)?.Properties
            ?? throw new InvalidOperationException("properties.json is empty.");
        return new Catalogue(stations, properties);
    }

    private sealed record StationsFile(List<StationInfo> Stations);

    private sealed record PropertiesFile(List<ObservedProperty> Properties);
}
