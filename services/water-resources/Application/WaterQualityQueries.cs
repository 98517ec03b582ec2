using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Application;

/// <summary>One sample: a station's water-quality readings of one local date, and its score in each index.</summary>
public sealed record QualitySample(
    DateOnly Date, IReadOnlyDictionary<string, double> Values, IReadOnlyDictionary<string, QualityScore?> Scores);

/// <summary>A year's samples rated together, as the MRC rates a station for the year.</summary>
public sealed record QualityYear(int Year, int Samples, IReadOnlyDictionary<string, QualityScore?> Scores);

public sealed record StationQuality(
    StationInfo Station,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<QualitySample> Samples,
    IReadOnlyList<QualityYear> Years,
    IReadOnlyList<(string Property, Trend Trend)> Trends);

/// <summary>
/// Water quality (para 46): samples classified for human health and for aquatic life by the indices of
/// Seed/water-quality.json, a station's rating by year, and each parameter's trend.
/// </summary>
public sealed class WaterQualityQueries(
    WaterResourcesDbContext db, Catalogue catalogue, WaterQualityRules rules, TimeProvider time)
{
    /// <summary>The span a station's water quality is read over when none is given: ten years to today.</summary>
    public const int DefaultYears = 10;

    public async Task<StationQuality> StationAsync(string? code, string? fromText, string? toText, CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        if (!rules.Parameters.Any(station.Observes))
        {
            throw new ValidationException(
                "station", $"{station.Name} ({station.Code}) is not a water-quality station: it measures "
                    + string.Join(", ", station.Measures));
        }

        var to = string.IsNullOrWhiteSpace(toText)
            ? station.LocalDate(time.GetUtcNow()) : Instants.ParseIsoDate(toText, "to");
        var from = string.IsNullOrWhiteSpace(fromText)
            ? to.AddYears(-DefaultYears).AddDays(1) : Instants.ParseIsoDate(fromText, "from");
        if (from > to || from < to.AddYears(-50))
        {
            throw new ValidationException("from", "comes before to, at most 50 years before it");
        }

        var samples = await SamplesAsync([station], from, to, ct);
        var mine = samples.GetValueOrDefault(station.Code) ?? [];
        var years = mine.GroupBy(s => s.Date.Year).OrderBy(g => g.Key)
            .Select(g => new QualityYear(g.Key, g.Count(), Score([.. g]))).ToList();
        var trends = rules.Parameters.Where(station.Observes)
            .Select(p => (p, TrendTest.Of([.. mine.Where(s => s.Values.ContainsKey(p))
                .Select(s => (Noon(station, s.Date), s.Values[p]))])))
            .ToList();
        return new StationQuality(station, from, to, mine, years, trends);
    }

    /// <summary>Every water-quality station's rating for a year (default: last year, the latest full one).</summary>
    public async Task<(int Year, IReadOnlyList<(StationInfo Station, QualityYear Rating)> Stations)> BasinAsync(
        int year, CancellationToken ct)
    {
        var rated = year == 0 ? time.GetUtcNow().Year - 1
            : year is >= 1900 and <= 2200 ? year
            : throw new ValidationException("year", "is a year such as 2019");
        var stations = catalogue.Stations.Where(s => rules.Parameters.Any(s.Observes)).ToList();
        var samples = await SamplesAsync(stations, new DateOnly(rated, 1, 1), new DateOnly(rated, 12, 31), ct);
        var ratings = stations.Where(s => samples.ContainsKey(s.Code))
            .Select(s => (s, new QualityYear(rated, samples[s.Code].Count, Score(samples[s.Code]))))
            .ToList();
        return (rated, ratings);
    }

    private Dictionary<string, QualityScore?> Score(IReadOnlyList<QualitySample> samples) =>
        rules.Indices.ToDictionary(i => i.Code, i => i.Score(samples.Select(s => s.Values)));

    /// <summary>The samples of the stations between two local dates, each station's in date order.</summary>
    private async Task<Dictionary<string, List<QualitySample>>> SamplesAsync(
        IReadOnlyList<StationInfo> stations, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A day wider each side in UTC, then cut to each station's local dates.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        var codes = stations.Select(s => s.Code).ToList();
        var parameters = rules.Parameters.ToList();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => codes.Contains(o.StationCode) && parameters.Contains(o.Property)
                && o.Time >= start && o.Time < end)
            .Select(o => new { o.StationCode, o.Property, o.Time, o.Value })
            .ToListAsync(ct);
        var byCode = stations.ToDictionary(s => s.Code, StringComparer.Ordinal);
        return rows
            .Select(r => (r.StationCode, r.Property, r.Time, r.Value, Date: byCode[r.StationCode].LocalDate(r.Time)))
            .Where(r => r.Date >= from && r.Date <= to)
            .GroupBy(r => r.StationCode)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Date).OrderBy(d => d.Key).Select(d =>
            {
                // Two readings of one parameter on a date (a repeat sample): the later one stands.
                var values = d.GroupBy(r => r.Property)
                    .ToDictionary(p => p.Key, p => p.MaxBy(r => r.Time).Value, StringComparer.Ordinal);
                return new QualitySample(
                    d.Key, values, rules.Indices.ToDictionary(i => i.Code, i => i.Score([values])));
            }).ToList());
    }

    private static DateTimeOffset Noon(StationInfo station, DateOnly date) =>
        new(date.ToDateTime(new TimeOnly(12, 0)), station.UtcOffset);
}
