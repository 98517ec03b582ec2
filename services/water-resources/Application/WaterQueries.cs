using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Application;

/// <summary>A station with its state and the levels in force now.</summary>
public sealed record StationView(StationInfo Station, StationState? State, LevelSet Levels);

/// <summary>A day's mean and highest level at a station, by its local date.</summary>
public sealed record DailyLevel(DateOnly Day, double Mean, double Max);

public sealed record Hydrograph(
    StationInfo Station,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DailyLevel> Current,
    IReadOnlyList<(int Year, IReadOnlyList<DailyLevel> Days)> Past,
    LevelSet Levels);

public sealed record SeasonPeak(
    StationInfo Station, double? PeakM, DateOnly? PeakDate, double? FloodM, int DaysAboveFlood);

/// <summary>The reads: stations and their state, levels, series, warnings, inboxes and the basin views.</summary>
public sealed class WaterQueries(
    WaterResourcesDbContext db, Catalogue catalogue, StationMonitor monitor, TimeProvider time)
{
    public const int DefaultLimit = 1_000;

    public async Task<IReadOnlyList<StationView>> StationsAsync(
        string? country, string? river, string? measures, CancellationToken ct)
    {
        var stations = catalogue.Stations.Where(s => (country is null || s.Country == country)
            && (string.IsNullOrWhiteSpace(river)
                || string.Equals(s.River, river.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(measures) || s.Observes(measures.Trim()))).ToList();
        return await ViewsAsync(stations, ct);
    }

    public async Task<StationView> StationAsync(string? code, CancellationToken ct) =>
        (await ViewsAsync([catalogue.RequireStation(code)], ct))[0];

    public async Task<IReadOnlyList<LevelSet>> LevelsAsync(string? code, CancellationToken ct) =>
        [.. (await monitor.LevelsAsync(catalogue.RequireStation(code), ct)).OrderByDescending(l => l.Version)];

    public async Task<(IReadOnlyList<Observation> Items, bool Truncated)> ObservationsAsync(
        string? code,
        string? property,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int limit,
        CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        var observed = catalogue.RequireProperty(
            station, string.IsNullOrWhiteSpace(property) ? ObservedProperty.WaterLevel : property);
        if (limit is < 0 or > ObservationCommands.MaxReadings)
        {
            throw new ValidationException(
                "limit", $"is from 1 to {ObservationCommands.MaxReadings:N0} (0 for {DefaultLimit:N0})");
        }

        var take = limit == 0 ? DefaultLimit : limit;
        var query = db.Observations.AsNoTracking()
            .Where(o => o.StationCode == station.Code && o.Property == observed.Code);
        query = from is { } f ? query.Where(o => o.Time >= f) : query;
        query = to is { } t ? query.Where(o => o.Time <= t) : query;
        var items = await query.OrderBy(o => o.Time).Take(take + 1).ToListAsync(ct);
        return (items.Take(take).ToList(), items.Count > take);
    }

    public async Task<IReadOnlyList<Observation>> HistoryAsync(
        string? code, string? property, DateTimeOffset at, CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        var observed = catalogue.RequireProperty(station, property);
        var current = await db.Observations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.StationCode == station.Code && o.Property == observed.Code && o.Time == at, ct)
            ?? throw new NotFoundException("observation", $"{station.Code} {observed.Code} {at:O}");
        var earlier = await db.ObservationRevisions.AsNoTracking()
            .Where(o => o.StationCode == station.Code && o.Property == observed.Code && o.Time == at)
            .OrderByDescending(o => o.Version)
            .Select(o => new Observation(
                o.StationCode, o.Property, o.Time, o.Value, o.Version, o.RecordedAt, o.RecordedBy, o.RecordedBySubject))
            .ToListAsync(ct);
        return [current, .. earlier];
    }

    public async Task<(IReadOnlyList<Warning> Items, string NextToken)> WarningsAsync(
        bool includeLifted,
        string? station,
        WarningKind? kind,
        int size,
        string? token,
        CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(station) ? null : catalogue.RequireStation(station).Code;
        var after = PageTokens.ParseGuid(token);
        var query = db.Warnings.AsNoTracking().Include(w => w.Deliveries).AsSplitQuery()
            .Where(w => includeLifted || w.LiftedAt == null)
            .Where(w => code == null || w.StationCode == code)
            .Where(w => kind == null || w.Kind == kind)
            .Where(w => after == null || w.Id < after);
        var items = await query.OrderByDescending(w => w.Id).Take(size + 1).ToListAsync(ct);
        return (items.Take(size).ToList(), items.Count > size ? PageTokens.Of(items[size - 1].Id) : "");
    }

    public async Task<Warning> WarningAsync(Guid id, CancellationToken ct) =>
        await db.Warnings.AsNoTracking().Include(w => w.Deliveries).SingleOrDefaultAsync(w => w.Id == id, ct)
        ?? throw new NotFoundException("warning", id.ToString());

    /// <summary>A country's inbox: unacknowledged copies first, then newest; the last 200.</summary>
    public async Task<(string Country, IReadOnlyList<(Warning Warning, Delivery Delivery)> Items)> InboxAsync(
        Caller caller, string? asked, bool unacknowledgedOnly, CancellationToken ct)
    {
        var country = Stewards.InboxOf(caller, asked);
        var copies = await db.Deliveries.AsNoTracking()
            .Where(d => d.Country == country && (!unacknowledgedOnly || d.AcknowledgedAt == null))
            .OrderBy(d => d.AcknowledgedAt == null ? 0 : 1)
            .ThenByDescending(d => d.DeliveredAt)
            .Take(200)
            .ToListAsync(ct);
        var ids = copies.Select(c => c.WarningId).ToList();
        var warnings = await db.Warnings.AsNoTracking()
            .Where(w => ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, ct);
        return (country, copies.Select(c => (warnings[c.WarningId], c)).ToList());
    }

    /// <summary>
    /// Every station of the river in order downstream, each with its latest level against its levels in force.
    /// </summary>
    public async Task<IReadOnlyList<StationView>> ProfileAsync(string? river, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(river) ? "Mekong" : river.Trim();
        var stations = catalogue.Stations
            .Where(s => string.Equals(s.River, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return stations.Count > 0 ? await ViewsAsync(stations, ct)
            : throw new ValidationException(
                "river",
                $"no station is on '{name}'; rivers: "
                    + $"{string.Join(", ", catalogue.Stations.Select(s => s.River).Distinct())}");
    }

    public async Task<Hydrograph> HydrographAsync(
        string? code, string? fromText, string? toText, int pastYears, CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        catalogue.RequireProperty(station, ObservedProperty.WaterLevel);
        var today = station.LocalDate(time.GetUtcNow());
        var to = string.IsNullOrWhiteSpace(toText) ? today : Instants.ParseIsoDate(toText, "to");
        var from = string.IsNullOrWhiteSpace(fromText) ? to.AddDays(-89) : Instants.ParseIsoDate(fromText, "from");
        if (from > to || to.DayNumber - from.DayNumber > 366)
        {
            throw new ValidationException("from", "comes before to, at most 366 days before it");
        }

        if (pastYears is < 0 or > 10)
        {
            throw new ValidationException("past_years", "is from 1 to 10 (0 for 5)");
        }

        var years = pastYears == 0 ? 5 : pastYears;
        var current = await DailyAsync(station, from, to, ct);
        var past = new List<(int, IReadOnlyList<DailyLevel>)>();
        for (var k = 1; k <= years; k++)
        {
            var days = await DailyAsync(station, from.AddYears(-k), to.AddYears(-k), ct);
            if (days.Count > 0)
            {
                past.Add((to.Year - k, days));
            }
        }

        var levels = LevelSet.InForce(await monitor.LevelsAsync(station, ct), to);
        return new Hydrograph(station, from, to, current, past, levels);
    }

    /// <summary>The season is the MRC's flood season, 1 June to 31 October, in the stations' local dates.</summary>
    public async Task<(int Season, IReadOnlyList<SeasonPeak> Peaks)> SeasonPeaksAsync(int year, string? river, CancellationToken ct)
    {
        var season = year == 0 ? time.GetUtcNow().Year
            : year is >= 1900 and <= 2200 ? year
            : throw new ValidationException("year", "is a year such as 2019");
        var stations = catalogue.Stations.Where(s => s.Observes(ObservedProperty.WaterLevel)
            && (string.IsNullOrWhiteSpace(river)
                || string.Equals(s.River, river.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        var versions = (await db.LevelSets.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.StationCode);
        var peaks = new List<SeasonPeak>();
        foreach (var station in stations)
        {
            var days = await DailyAsync(station, new DateOnly(season, 6, 1), new DateOnly(season, 10, 31), ct);
            var all = new List<LevelSet> { LevelSet.Shipped(station) };
            all.AddRange(versions[station.Code]);
            var top = days.OrderByDescending(d => d.Max).ThenBy(d => d.Day).FirstOrDefault();
            var above = days.Count(d => LevelSet.InForce(all, d.Day).FloodM is { } flood && d.Max > flood);
            var floodAtPeak = top is null
                ? LevelSet.InForce(all, new DateOnly(season, 10, 31)).FloodM
                : LevelSet.InForce(all, top.Day).FloodM;
            peaks.Add(new SeasonPeak(station, top?.Max, top?.Day, floodAtPeak, above));
        }

        return (season, peaks);
    }

    private async Task<List<DailyLevel>> DailyAsync(
        StationInfo station, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var offset = station.UtcOffset.TotalHours;
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - station.UtcOffset;
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - station.UtcOffset;
        return await db.Database.SqlQuery<DailyLevel>($"""
            SELECT ((time AT TIME ZONE 'UTC') + make_interval(hours => {(int)offset}))::date AS "Day",
                   round(avg(value)::numeric, 3)::float8 AS "Mean", max(value) AS "Max"
            FROM observations
            WHERE station_code = {station.Code} AND property = 'water-level' AND time >= {start} AND time < {end}
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(ct);
    }

    private async Task<List<StationView>> ViewsAsync(List<StationInfo> stations, CancellationToken ct)
    {
        var codes = stations.Select(s => s.Code).ToList();
        var states = await db.StationStates.AsNoTracking()
            .Where(s => codes.Contains(s.StationCode))
            .ToDictionaryAsync(s => s.StationCode, ct);
        var versions = (await db.LevelSets.AsNoTracking().Where(l => codes.Contains(l.StationCode)).ToListAsync(ct))
            .ToLookup(l => l.StationCode);
        return [.. stations.Select(s =>
        {
            var state = states.GetValueOrDefault(s.Code);
            List<LevelSet> all = [LevelSet.Shipped(s), .. versions[s.Code]];
            // The version the state was judged by; with no state, the one in force today.
            var levels = state is not null
                ? all.Where(l => l.Version == state.LevelVersion).DefaultIfEmpty(all[^1]).First()
                : LevelSet.InForce(all, s.LocalDate(time.GetUtcNow()));
            return new StationView(s, state, levels);
        })];
    }
}
