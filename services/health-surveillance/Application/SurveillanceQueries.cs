using System.Globalization;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.HealthSurveillance.Data;
using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;
using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.HealthSurveillance.Application;

public sealed record EpiCurvePoint(int EpiYear, int EpiWeek, DateOnly WeekStart, int Cases, int Deaths);

public sealed record Backtest(IReadOnlyList<DetectedSignal> Signals, IReadOnlyList<OutbreakEpisode> Outbreaks, int Weeks);

public sealed record CountryTimeliness(string Country, int Reports, double WeekEndToReportHours, int Signals, double WeekEndToSignalHours, int Verified,
    double SignalToVerificationHours);

/// <summary>Reads: epi curves, a value's history, signals, backtests, alerts, inboxes and timeliness.</summary>
public sealed class SurveillanceQueries(SurveillanceDbContext db, ReferenceData reference, SignalDetection detection, TimeProvider time)
{
    /// <summary>Watches of a country's units (or all), newest first; in force now only when asked.</summary>
    public async Task<IReadOnlyList<HeightenedSurveillance>> WatchesAsync(string? country, bool activeOnly, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.HeightenedSurveillance.AsNoTracking()
            .Where(h => country == null || h.Country == country)
            .Where(h => !activeOnly || (h.From <= now && (h.Until == null || h.Until >= now)))
            .OrderByDescending(h => h.From).ThenBy(h => h.Unit).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>The watches over each alert's unit for its disease while the alert has been open.</summary>
    public async Task<ILookup<Guid, HeightenedSurveillance>> WatchesOverAsync(IReadOnlyCollection<Alert> alerts, CancellationToken cancellationToken)
    {
        var units = alerts.Select(a => a.Unit).Distinct().ToList();
        var watches = await db.HeightenedSurveillance.AsNoTracking().Where(h => units.Contains(h.Unit)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return alerts.SelectMany(a => watches.Where(w => w.Unit == a.Unit && w.Covers(a.Disease, a.OpenedAt, a.ClosedAt ?? now)).Select(w => (a.Id, w)))
            .ToLookup(x => x.Id, x => x.w);
    }

    /// <summary>The watches over an epi curve: its unit (or its country's units), its disease, its years.</summary>
    public async Task<IReadOnlyList<HeightenedSurveillance>> WatchesOverCurveAsync(string disease, string? country, string? unit, int fromYear, int toYear,
        CancellationToken cancellationToken)
    {
        var from = fromYear > 0 ? new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero) : DateTimeOffset.MinValue;
        var to = toYear > 0 ? new DateTimeOffset(toYear, 12, 31, 23, 59, 59, TimeSpan.Zero) : DateTimeOffset.MaxValue;
        var watches = await db.HeightenedSurveillance.AsNoTracking()
            .Where(h => string.IsNullOrEmpty(unit) ? h.Country == country : h.Unit == unit)
            .OrderBy(h => h.From).ToListAsync(cancellationToken);
        return [.. watches.Where(w => w.Covers(disease, from, to))];
    }

    public async Task<IReadOnlyList<EpiCurvePoint>> EpiCurveAsync(string disease, string? country, string? unit, int fromYear, int toYear, WeekSystem system,
        CancellationToken cancellationToken)
    {
        reference.RequireDisease(disease);
        var query = db.WeeklyReports.AsNoTracking().Where(r => r.Disease == disease && r.WeekSystem == system);
        if (!string.IsNullOrEmpty(unit))
        {
            reference.RequireUnit(unit);
            query = query.Where(r => r.Unit == unit);
        }
        else if (!string.IsNullOrEmpty(country))
        {
            query = query.Where(r => r.Country == country);
        }
        else
        {
            throw new ValidationException("country", "give a country or a unit");
        }

        if (fromYear > 0)
        {
            query = query.Where(r => r.EpiYear >= fromYear);
        }

        if (toYear > 0)
        {
            query = query.Where(r => r.EpiYear <= toYear);
        }

        var points = await query
            .GroupBy(r => new { r.EpiYear, r.EpiWeek, r.WeekStart })
            .Select(g => new { g.Key.EpiYear, g.Key.EpiWeek, g.Key.WeekStart, Cases = g.Sum(r => r.Cases), Deaths = g.Sum(r => r.Deaths) })
            .OrderBy(p => p.WeekStart)
            .ToListAsync(cancellationToken);
        return [.. points.Select(p => new EpiCurvePoint(p.EpiYear, p.EpiWeek, p.WeekStart, p.Cases, p.Deaths))];
    }

    /// <summary>The current value first, then the values corrections replaced, newest first.</summary>
    public async Task<IReadOnlyList<ReportRevision>> HistoryAsync(string disease, string unit, int year, int week, WeekSystem system, CancellationToken cancellationToken)
    {
        reference.RequireDisease(disease);
        reference.RequireUnit(unit);
        EpiWeeks.Require(year, week, system);

        var report = await db.WeeklyReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Disease == disease && r.Unit == unit && r.WeekSystem == system && r.EpiYear == year && r.EpiWeek == week, cancellationToken)
            ?? throw new NotFoundException("Weekly report", $"{disease}/{unit}/{year}W{week}");
        var earlier = await db.ReportRevisions.AsNoTracking().Where(r => r.ReportId == report.Id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        return [new ReportRevision { ReportId = report.Id, Version = report.Version, Cases = report.Cases, Deaths = report.Deaths, RecordedAt = report.UpdatedAt, RecordedBy = report.ReportedBy },
            .. earlier];
    }

    public async Task<IReadOnlyList<Signal>> SignalsAsync(string? disease, string? country, string? unit, int year, CancellationToken cancellationToken)
    {
        var query = db.Signals.AsNoTracking();
        query = string.IsNullOrEmpty(disease) ? query : query.Where(s => s.Disease == disease);
        query = string.IsNullOrEmpty(country) ? query : query.Where(s => s.Country == country);
        query = string.IsNullOrEmpty(unit) ? query : query.Where(s => s.Unit == unit);
        query = year == 0 ? query : query.Where(s => s.EpiYear == year);
        return await query.OrderByDescending(s => s.WeekStart).ThenBy(s => s.Unit).ThenBy(s => s.Method).Take(1000).ToListAsync(cancellationToken);
    }

    /// <summary>What the engine would have signalled over the unit's whole history; nothing is stored.</summary>
    public async Task<Backtest> BacktestAsync(string disease, string unit, WeekSystem system, CancellationToken cancellationToken)
    {
        var definition = reference.RequireDisease(disease);
        var history = (await db.WeeklyReports.AsNoTracking()
                .Where(r => r.Disease == disease && r.Unit == unit && r.WeekSystem == system)
                .OrderBy(r => r.WeekStart)
                .Select(r => new { r.EpiYear, r.EpiWeek, r.Cases })
                .ToListAsync(cancellationToken))
            .Select(r => new WeeklyValue(EpiWeek.Of(r.EpiYear, r.EpiWeek, system), r.Cases))
            .ToList();
        var (signals, outbreaks) = detection.Analyse(definition, history, history.Select(v => v.Week).ToHashSet());
        return new Backtest(signals, outbreaks, history.Count);
    }

    public async Task<IReadOnlyList<(Alert Alert, IReadOnlyList<Guid> Signals)>> AlertsAsync(string? country, string? disease, bool openOnly, CancellationToken cancellationToken)
    {
        var query = db.Alerts.AsNoTracking();
        query = string.IsNullOrEmpty(country) ? query : query.Where(a => a.Country == country);
        query = string.IsNullOrEmpty(disease) ? query : query.Where(a => a.Disease == disease);
        query = openOnly ? query.Where(a => a.Status != AlertStatus.Closed && a.Status != AlertStatus.Discarded) : query;
        var alerts = await query.OrderByDescending(a => a.OpenedAt).Take(500).ToListAsync(cancellationToken);
        return await WithSignalsAsync(alerts, cancellationToken);
    }

    public async Task<(Alert Alert, IReadOnlyList<Guid> Signals)> AlertAsync(Guid id, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Alert", id.ToString());
        return (await WithSignalsAsync([alert], cancellationToken))[0];
    }

    /// <summary>A country's inbox: its own focal points (or the administrator) read it.</summary>
    public async Task<IReadOnlyList<CrossBorderNotice>> NoticesAsync(Caller caller, string? country, bool unacknowledgedOnly, CancellationToken cancellationToken)
    {
        var inbox = country ?? caller.Country ?? throw new ValidationException("country", "is required");
        if (!caller.HasRole(LmcRoles.Admin))
        {
            caller.EnsureRole(LmcRoles.HealthFocalPoint, "read cross-border notices");
            caller.EnsureActsFor(inbox, "read its cross-border notices");
        }

        var query = db.CrossBorderNotices.AsNoTracking().Where(n => n.ToCountry == inbox);
        query = unacknowledgedOnly ? query.Where(n => n.AcknowledgedAt == null) : query;
        return await query.OrderByDescending(n => n.SentAt).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Medians per country, computed by PostgreSQL: from the end of the epi week to the report
    /// (reporting timeliness); from the end of the week to the signal, for signals that opened or fed
    /// an alert (a backfill's history signals would only measure when the backfill ran); from an
    /// alert's opening to its verification. Detection runs in the ingest's own transaction, so a
    /// report's signal is raised the moment the report arrives.
    /// </summary>
    public async Task<IReadOnlyList<CountryTimeliness>> TimelinessAsync(string? country, int year, CancellationToken cancellationToken)
    {
        // An epi week ends at the start of the next (week_start + 7, midnight UTC: not the session's time zone).
        var reports = await MediansAsync("""
            SELECT country AS "Country", count(*)::int AS "Count",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - ((week_start + 7)::timestamp AT TIME ZONE 'UTC')) / 3600) AS "Hours"
            FROM weekly_reports WHERE (@year = 0 OR epi_year = @year) GROUP BY country
            """, year, cancellationToken);
        var signals = await MediansAsync("""
            SELECT country AS "Country", count(*)::int AS "Count",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM detected_at - ((week_start + 7)::timestamp AT TIME ZONE 'UTC')) / 3600) AS "Hours"
            FROM signals WHERE alert_id IS NOT NULL AND (@year = 0 OR epi_year = @year) GROUP BY country
            """, year, cancellationToken);
        var verified = await MediansAsync("""
            SELECT a.country AS "Country", count(*)::int AS "Count",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.verified_at - a.opened_at) / 3600) AS "Hours"
            FROM alerts a
            WHERE a.verified_at IS NOT NULL AND (@year = 0 OR EXISTS (SELECT 1 FROM signals s WHERE s.alert_id = a.id AND s.epi_year = @year))
            GROUP BY a.country
            """, year, cancellationToken);

        return [.. MemberCountries.All.Order(StringComparer.Ordinal)
            .Where(c => string.IsNullOrEmpty(country) || c == country)
            .Select(c => new CountryTimeliness(c,
                reports.GetValueOrDefault(c)?.Count ?? 0, reports.GetValueOrDefault(c)?.Hours ?? 0,
                signals.GetValueOrDefault(c)?.Count ?? 0, signals.GetValueOrDefault(c)?.Hours ?? 0,
                verified.GetValueOrDefault(c)?.Count ?? 0, verified.GetValueOrDefault(c)?.Hours ?? 0))];
    }

    private async Task<Dictionary<string, CountryMedian>> MediansAsync(string sql, int year, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<CountryMedian>(sql, new Npgsql.NpgsqlParameter("year", year)).ToDictionaryAsync(m => m.Country, cancellationToken);

    /// <summary>One country's count and median, as the timeliness SQL returns them.</summary>
    private sealed class CountryMedian
    {
        public string Country { get; init; } = "";
        public int Count { get; init; }
        public double Hours { get; init; }
    }

    private async Task<IReadOnlyList<(Alert, IReadOnlyList<Guid>)>> WithSignalsAsync(List<Alert> alerts, CancellationToken cancellationToken)
    {
        var ids = alerts.Select(a => a.Id).ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => s.AlertId != null && ids.Contains(s.AlertId.Value))
            .OrderBy(s => s.WeekStart).Select(s => new { s.AlertId, s.Id }).ToListAsync(cancellationToken);
        return [.. alerts.Select(a => (a, (IReadOnlyList<Guid>)[.. signals.Where(s => s.AlertId == a.Id).Select(s => s.Id)]))];
    }

}
