using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Contracts;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Application;

/// <summary>What an evaluation left a station in, and the warnings it issued or lifted.</summary>
public sealed record Outcome(
    StationInfo Station, StationState State, LevelSet Levels, IReadOnlyList<Warning> Warnings);

/// <summary>
/// Judges a station on its latest water level, in the transaction that recorded it: reads its recent record,
/// applies the rules (Domain/StatusRules) under the level version in force that day, keeps its state, and issues or
/// lifts its warnings, each delivered to the six members' inboxes and published through the outbox with the same
/// commit. So a level over the flood level is in every inbox the moment its observation is.
/// </summary>
public sealed class StationMonitor(WaterResourcesDbContext db, TimeProvider time)
{
    private static readonly WarningKind[] RuleKinds =
        [WarningKind.Flood, WarningKind.Alarm, WarningKind.RapidRise, WarningKind.Drought];

    /// <summary>The station's level versions, shipped version 0 first.</summary>
    public async Task<List<LevelSet>> LevelsAsync(StationInfo station, CancellationToken ct) =>
        [
            LevelSet.Shipped(station),
            .. await db.LevelSets.Where(l => l.StationCode == station.Code).OrderBy(l => l.Version).ToListAsync(ct),
        ];

    /// <returns>Null when the station has no water level yet (nothing to judge).</returns>
    public async Task<Outcome?> EvaluateAsync(StationInfo station, CancellationToken ct)
    {
        const string level = ObservedProperty.WaterLevel;
        var series = db.Observations.AsNoTracking().Where(o => o.StationCode == station.Code && o.Property == level);
        var latest = await series.OrderByDescending(o => o.Time)
            .Select(o => new { o.Time, o.Value })
            .FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }

        var levels = LevelSet.InForce(await LevelsAsync(station, ct), station.LocalDate(latest.Time));
        var dayBefore = latest.Time.AddHours(-24);
        var before = await series.Where(o => o.Time <= dayBefore && o.Time >= dayBefore.AddHours(-12))
            .OrderByDescending(o => o.Time).Select(o => (double?)o.Value).FirstOrDefaultAsync(ct);
        DateTimeOffset? belowSince = null;
        if (levels.DroughtM is { } drought && latest.Value < drought)
        {
            var lastAbove = await series.Where(o => o.Time <= latest.Time && o.Value >= drought)
                .MaxAsync(o => (DateTimeOffset?)o.Time, ct);
            belowSince = await series.Where(o => o.Time <= latest.Time && (lastAbove == null || o.Time > lastAbove))
                .MinAsync(o => (DateTimeOffset?)o.Time, ct);
        }

        var record = new StationRecord(
            latest.Value,
            latest.Time,
            latest.Value - before,
            belowSince,
            await ForecastPeakAsync(station, latest.Time, ct));
        var evaluation = StatusRules.Evaluate(record, levels);
        var now = time.GetUtcNow();
        var state = await db.StationStates.FindAsync([station.Code], ct);
        if (state is null)
        {
            state = new StationState(station.Code);
            db.StationStates.Add(state);
        }

        state.Update(record, evaluation, levels, now);
        var warnings = await ApplyAsync(station, record, evaluation, levels, now, ct);
        return new Outcome(station, state, levels, warnings);
    }

    /// <summary>
    /// The highest level of the station's latest forecast within the alarm horizon of the day it speaks from.
    /// </summary>
    private async Task<(double, DateOnly)?> ForecastPeakAsync(
        StationInfo station, DateTimeOffset observedAt, CancellationToken ct)
    {
        var issued = await db.Forecasts.Where(f => f.StationCode == station.Code)
            .MaxAsync(f => (DateTimeOffset?)f.IssuedAt, ct);
        if (issued is not { } issuedAt)
        {
            return null;
        }

        var today = station.LocalDate(issuedAt > observedAt ? issuedAt : observedAt);
        var horizon = today.AddDays(Forecast.AlarmHorizonDays);
        var peak = await db.Forecasts.AsNoTracking()
            .Where(f => f.StationCode == station.Code && f.IssuedAt == issuedAt
                && f.TargetDate > today && f.TargetDate <= horizon)
            .OrderByDescending(f => f.LevelM).ThenBy(f => f.TargetDate).FirstOrDefaultAsync(ct);
        return peak is null ? null : (peak.LevelM, peak.TargetDate);
    }

    private async Task<List<Warning>> ApplyAsync(
        StationInfo station,
        StationRecord record,
        Evaluation evaluation,
        LevelSet levels,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var active = await db.Warnings.Include(w => w.Deliveries)
            .Where(w => w.StationCode == station.Code && w.LiftedAt == null && w.Kind != WarningKind.UrgentNotice)
            .ToListAsync(ct);
        var changed = new List<Warning>();
        foreach (var kind in RuleKinds)
        {
            var holds = evaluation.Conditions.Contains(kind);
            var current = active.SingleOrDefault(w => w.Kind == kind);
            if (holds && current is null)
            {
                var warning = Compose(station, kind, record, evaluation, levels, now);
                db.Warnings.Add(warning);
                db.Publish(Issued(warning, station), warning.Id);
                changed.Add(warning);
            }
            else if (holds)
            {
                current!.StillHolds(record.Level, record.ObservedAt);
            }
            else if (current is not null)
            {
                var reason = kind == WarningKind.Alarm && evaluation.Conditions.Contains(WarningKind.Flood)
                    ? "superseded by the flood warning"
                    : $"{station.Name} is {Words.Of(evaluation.Status)} at {record.Level:0.00} m "
                        + $"({record.ObservedAt:yyyy-MM-dd HH:mm} UTC)";
                current.Lift(reason, now);
                db.Publish(Lifted(current), current.Id);
                changed.Add(current);
            }
        }

        return changed;
    }

    private static Warning Compose(
        StationInfo station,
        WarningKind kind,
        StationRecord record,
        Evaluation evaluation,
        LevelSet levels,
        DateTimeOffset now)
    {
        var (headline, threshold, value) = kind switch
        {
            WarningKind.Flood => (
                $"Flood at {station.Name}: {record.Level:0.00} m, above the flood level of {levels.FloodM:0.00} m",
                levels.FloodM,
                record.Level),
            WarningKind.Alarm => (
                $"Alarm at {station.Name}: {evaluation.AlarmReason}",
                evaluation.AlarmReason.Contains("alarm level", StringComparison.Ordinal)
                    ? levels.AlarmM
                    : levels.FloodM,
                record.Level),
            WarningKind.RapidRise => (
                $"Rapid rise at {station.Name}: {record.Change24h:+0.00;-0.00} m in 24 hours, "
                    + $"to {record.Level:0.00} m",
                levels.RapidRiseMPer24h,
                record.Change24h ?? 0),
            _ => (
                $"Drought at {station.Name}: {record.Level:0.00} m, below the drought level of "
                    + $"{levels.DroughtM:0.00} m for {levels.DroughtWindowDays} days or more",
                levels.DroughtM,
                record.Level),
        };
        var levelsFrom = levels.Version == 0
            ? "the sources shipped with the service"
            : levels.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var description = $"{station.Name} ({station.Code}, {station.River}, "
            + $"{MemberCountries.NameOf(station.Country)}) read {record.Level:0.00} m at "
            + $"{record.ObservedAt:yyyy-MM-dd HH:mm} UTC, judged by level version {levels.Version} (from {levelsFrom}"
            + $"{(levels.Version == 0 ? "" : ", set by " + levels.SetBy)}). Reach: "
            + $"{string.Join(", ", station.ReachUnits)}.";
        var forecastDate = kind == WarningKind.Alarm && record.ForecastPeak is { } peak
            && evaluation.AlarmReason.Contains("forecast", StringComparison.Ordinal)
            ? peak.Date : (DateOnly?)null;
        return Warning.Issue(
            station,
            kind,
            headline,
            description,
            value,
            threshold,
            levels.Version,
            record.ObservedAt,
            forecastDate,
            null,
            now);
    }

    public static WarningIssued Issued(Warning w, StationInfo station) => new(
        w.Id,
        Words.Of(w.Kind),
        w.StationCode,
        w.StationName,
        w.Country,
        station.River,
        w.ValueM,
        w.ThresholdM,
        w.LevelVersion,
        w.ObservedAt,
        w.IssuedAt,
        w.ValidUntil,
        w.Headline,
        w.ReachUnits,
        station.Latitude,
        station.Longitude,
        station.ReachRadiusKm,
        w.IssuedAt);

    public static WarningLifted Lifted(Warning w) => new(
        w.Id, Words.Of(w.Kind), w.StationCode, w.LiftReason, w.PeakM, w.ReachUnits, w.LiftedAt!.Value);
}
