using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Contracts;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Application;

/// <summary>A level version as asked for (proto SetLevelsRequest).</summary>
public sealed record NewLevels(
    string? ValidFrom,
    double? AlarmM,
    double? FloodM,
    double? DroughtM,
    double? RapidRiseMPer24h,
    int DroughtWindowDays,
    string? Source,
    int ExpectedVersion);

/// <summary>
/// A station's country's other inputs: its levels (versioned) and its forecasts. Each re-judges the station in the
/// same transaction, since new levels or a forecast can start or end a warning with no new observation.
/// </summary>
public sealed class StationCommands(
    WaterResourcesDbContext db, Catalogue catalogue, StationMonitor monitor, TimeProvider time)
{
    public async Task<(LevelSet Levels, Outcome? Outcome)> SetLevelsAsync(
        Caller caller, string? code, NewLevels input, CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        Stewards.EnsureMayReportFor(caller, station, "levels");
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockStationAsync(station.Code, ct);
        var latest = await db.LevelSets.Where(l => l.StationCode == station.Code)
            .MaxAsync(l => (int?)l.Version, ct) ?? 0;
        // Strict, 0 included: levels set on a stale view (someone set a version meanwhile) would silently undo it.
        if (input.ExpectedVersion != latest)
        {
            throw new ConcurrencyException("levels", station.Code, input.ExpectedVersion, latest);
        }

        var levels = LevelSet.Create(
            station,
            latest + 1,
            input.ValidFrom,
            input.AlarmM,
            input.FloodM,
            input.DroughtM,
            input.RapidRiseMPer24h,
            input.DroughtWindowDays,
            input.Source,
            caller.Country!,
            now);
        db.LevelSets.Add(levels);
        db.Publish(
            new LevelsSet(
                station.Code,
                station.Country,
                levels.Version,
                levels.ValidFrom,
                levels.AlarmM,
                levels.FloodM,
                levels.DroughtM,
                levels.RapidRiseMPer24h,
                levels.DroughtWindowDays,
                now),
            "station:" + station.Code);
        await db.SaveChangesAsync(ct);
        var outcome = await monitor.EvaluateAsync(station, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (levels, outcome);
    }

    /// <summary>A forecast issue: lead days 1 to 5 once each, levels plausible, issued no later than now.</summary>
    public async Task<(StationInfo Station, Outcome? Outcome)> SubmitForecastAsync(
        Caller caller,
        string? code,
        DateTimeOffset issuedAt,
        IReadOnlyList<(int LeadDays, double LevelM)> values,
        CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        Stewards.EnsureMayReportFor(caller, station, "forecasts");
        var property = catalogue.RequireProperty(station, ObservedProperty.WaterLevel);
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        if (issuedAt == default || issuedAt > now.AddMinutes(5) || issuedAt < now.AddDays(-30))
        {
            errors.Add("issued_at", "is required, no later than now and within the last 30 days");
        }

        if (values.Count == 0 || values.Select(v => v.LeadDays).Distinct().Count() != values.Count
            || values.Any(v => v.LeadDays is < 1 or > Forecast.MaxLeadDays))
        {
            errors.Add("values", $"give each lead day from 1 to {Forecast.MaxLeadDays} at most once");
        }

        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            try
            {
                property.RequirePlausible(value.LevelM, $"values[{i}].level_m");
            }
            catch (ValidationException refused)
            {
                errors.Add($"values[{i}].level_m", refused.Errors.Values.First()[0]);
            }
        }

        errors.ThrowIfAny();
        var issued = new DateTimeOffset(issuedAt.UtcTicks - issuedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockStationAsync(station.Code, ct);
        if (await db.Forecasts.AnyAsync(f => f.StationCode == station.Code && f.IssuedAt == issued, ct))
        {
            throw new ConflictException($"A forecast for {station.Code} issued at {issued:O} is submitted already.");
        }

        db.Forecasts.AddRange(values.Select(
            v => new Forecast(station.Code, issued, station.LocalDate(issued), v.LeadDays, v.LevelM, caller.Country!)));
        await db.SaveChangesAsync(ct);
        var outcome = await monitor.EvaluateAsync(station, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (station, outcome);
    }
}
