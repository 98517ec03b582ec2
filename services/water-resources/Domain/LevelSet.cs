using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.WaterResources.Domain;

/// <summary>
/// One version of a station's levels, in force from <see cref="ValidFrom"/> until a later version's date. Levels are
/// set by the station's country and change over time (DOMAIN.md), so every warning names the version it used.
/// Version 0 is the levels the station's sources give, shipped with the service; a country's first own version is 1.
/// </summary>
public sealed class LevelSet
{
    public const int DefaultDroughtWindowDays = 7;

    private LevelSet()
    {
    }

    public Guid Id { get; private set; }

    public string StationCode { get; private set; } = "";

    public int Version { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public double? AlarmM { get; private set; }

    public double? FloodM { get; private set; }

    public double? DroughtM { get; private set; }

    public double? RapidRiseMPer24h { get; private set; }

    public int DroughtWindowDays { get; private set; } = DefaultDroughtWindowDays;

    public string Source { get; private set; } = "";

    /// <summary>The country that set it; empty for version 0.</summary>
    public string SetBy { get; private set; } = "";

    public DateTimeOffset? SetAt { get; private set; }

    /// <summary>The shipped levels of a station, in force from the first day any record could need.</summary>
    public static LevelSet Shipped(StationInfo station) => new()
    {
        Id = Guid.Empty,
        StationCode = station.Code,
        Version = 0,
        ValidFrom = DateOnly.MinValue,
        AlarmM = station.Levels.AlarmM,
        FloodM = station.Levels.FloodM,
        Source = "shipped with the service: " + station.Source,
    };

    public static LevelSet Create(
        StationInfo station,
        int version,
        string? validFrom,
        double? alarm,
        double? flood,
        double? drought,
        double? rapidRise,
        int droughtWindowDays,
        string? source,
        string country,
        DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        DateOnly from = default;
        if (!DateOnly.TryParseExact(
                validFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            errors.Add("valid_from", "is required as an ISO date (2025-06-01)");
        }

        Check(errors, "alarm_m", alarm);
        Check(errors, "flood_m", flood);
        Check(errors, "drought_m", drought);
        if (alarm is { } a && flood is { } f && a > f)
        {
            errors.Add("alarm_m", $"{a} m is above the flood level {f} m; the alarm level is the lower one");
        }

        if (drought is { } d && (alarm ?? flood) is { } low && d >= low)
        {
            errors.Add("drought_m", $"{d} m is not below the alarm or flood level ({low} m)");
        }

        if (rapidRise is { } r && (!double.IsFinite(r) || r <= 0 || r > 20))
        {
            errors.Add("rapid_rise_m_per_24h", "is a rise in metres over 24 hours, above 0 and at most 20");
        }

        if (droughtWindowDays is < 0 or > 120)
        {
            errors.Add("drought_window_days", "is from 1 to 120 days (0 for the default, 7)");
        }

        if (alarm is null && flood is null && drought is null && rapidRise is null)
        {
            errors.Add("flood_m", "give at least one level");
        }

        if (string.IsNullOrWhiteSpace(source) || source.Length > 500)
        {
            errors.Add(
                "source", "is required (at most 500 characters): where the levels come from, a decree or a bulletin");
        }

        errors.ThrowIfAny();
        return new LevelSet
        {
            Id = Guid.CreateVersion7(now),
            StationCode = station.Code,
            Version = version,
            ValidFrom = from,
            AlarmM = alarm,
            FloodM = flood,
            DroughtM = drought,
            RapidRiseMPer24h = rapidRise,
            DroughtWindowDays = droughtWindowDays == 0 ? DefaultDroughtWindowDays : droughtWindowDays,
            Source = source!.Trim(),
            SetBy = country,
            SetAt = now,
        };
    }

    /// <summary>
    /// The version in force on <paramref name="date"/> among a station's versions: the latest date on or before it,
    /// and of versions from the same date the newest (a correction of a date's levels is a new version of it).
    /// </summary>
    public static LevelSet InForce(IEnumerable<LevelSet> versions, DateOnly date) =>
        versions.Where(v => v.ValidFrom <= date)
            .OrderByDescending(v => v.ValidFrom)
            .ThenByDescending(v => v.Version)
            .First();

    private static void Check(ValidationErrors errors, string field, double? value)
    {
        if (value is { } v && (!double.IsFinite(v) || v < -10 || v > 600))
        {
            errors.Add(field, "is a gauge reading in metres, from -10 to 600");
        }
    }
}
