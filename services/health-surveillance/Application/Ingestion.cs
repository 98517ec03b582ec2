using System.Text.Json;
using System.Text.Json.Serialization;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.HealthSurveillance.Contracts;
using Lmc.HealthSurveillance.Data;
using Lmc.HealthSurveillance.Detection.Series;
using Lmc.HealthSurveillance.Detection.Weeks;
using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Lmc.HealthSurveillance.Application;

public sealed record IngestResult(int Received, int Inserted, int Corrected, int Unchanged, IReadOnlyList<Signal> Signals);

/// <summary>
/// Weekly reports in, signals out, in one transaction: the batch is copied into a temporary table
/// (binary COPY), the values it replaces are moved to their history, the reports are upserted in
/// one statement, and the engine runs over each touched series for the weeks the batch brought.
/// New signals open or feed their unit's alert, and SignalRaised events go to the outbox.
/// </summary>
public sealed class Ingestion(SurveillanceDbContext db, ReferenceData reference, SignalDetection detection, IOptions<SurveillanceOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IngestResult> IngestAsync(Caller caller, IReadOnlyList<WeeklyValueInput> input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToMicroseconds();
        var values = WeeklyValueValidation.Validate(input, caller, reference, DateOnly.FromDateTime(now.UtcDateTime));

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await LockSeriesAsync(connection, transaction, values, cancellationToken);
            await StageAsync(connection, values, cancellationToken);
            var (inserted, corrected) = await UpsertAsync(connection, transaction, caller.Subject, now, cancellationToken);
            var signals = await DetectAsync(connection, transaction, values, now, cancellationToken);
            // Alerts and events first: the signals' rows refer to their alerts.
            await db.SaveChangesAsync(cancellationToken);
            await WriteSignalsAsync(connection, signals, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new IngestResult(values.Count, inserted, corrected, values.Count - inserted - corrected, signals);
        });
    }

    /// <summary>
    /// One ingest at a time per series (disease and unit): two batches of one series would each
    /// judge it without the other's weeks, and could each open an alert. Taken in the order of the
    /// lock keys themselves (the hashes, each once), so two batches sharing series wait for each
    /// other rather than deadlock.
    /// </summary>
    private static async Task LockSeriesAsync(NpgsqlConnection connection, IDbContextTransaction transaction, IReadOnlyList<ValidatedValue> values,
        CancellationToken cancellationToken)
    {
        var keys = values.Select(v => v.Input.Disease + "|" + v.Input.Unit).Distinct().ToArray();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(@keys) AS k ORDER BY 1 OFFSET 0) AS ordered",
            connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("keys", keys);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task StageAsync(NpgsqlConnection connection, IReadOnlyList<ValidatedValue> values, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE incoming (disease text, unit text, country text, week_system text, epi_year int, epi_week int, week_start date, cases int, deaths int) ON COMMIT DROP",
            connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var import = await connection.BeginBinaryImportAsync(
            "COPY incoming (disease, unit, country, week_system, epi_year, epi_week, week_start, cases, deaths) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (v, country, week) in values)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(v.Disease, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(v.Unit, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(country, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(v.System.ToString(), NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(week.Year, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(week.Week, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(week.Start, NpgsqlDbType.Date, cancellationToken);
            await import.WriteAsync(v.Cases, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(v.Deaths, NpgsqlDbType.Integer, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>History first (the values about to be replaced), then one upsert; unchanged values are left alone.</summary>
    private static async Task<(int Inserted, int Corrected)> UpsertAsync(NpgsqlConnection connection, IDbContextTransaction transaction, string by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO report_revisions (report_id, version, cases, deaths, recorded_at, recorded_by)
            SELECT r.id, r.version, r.cases, r.deaths, r.updated_at, r.reported_by
            FROM weekly_reports r
            JOIN incoming i ON (i.disease, i.unit, i.week_system, i.epi_year, i.epi_week) = (r.disease, r.unit, r.week_system, r.epi_year, r.epi_week)
            WHERE (r.cases, r.deaths) IS DISTINCT FROM (i.cases, i.deaths);

            INSERT INTO weekly_reports AS r (id, disease, unit, country, week_system, epi_year, epi_week, week_start, cases, deaths, version, received_at, updated_at, reported_by)
            SELECT gen_random_uuid(), disease, unit, country, week_system, epi_year, epi_week, week_start, cases, deaths, 1, @now, @now, @by FROM incoming
            ON CONFLICT (disease, unit, week_system, epi_year, epi_week) DO UPDATE
              SET cases = excluded.cases, deaths = excluded.deaths, version = r.version + 1, updated_at = excluded.updated_at, reported_by = excluded.reported_by
              WHERE (r.cases, r.deaths) IS DISTINCT FROM (excluded.cases, excluded.deaths)
            RETURNING (xmax = 0);
            """;
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("by", by);
        int inserted = 0, corrected = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(0))
            {
                inserted++;
            }
            else
            {
                corrected++;
            }
        }

        return (inserted, corrected);
    }

    private async Task<IReadOnlyList<Signal>> DetectAsync(NpgsqlConnection connection, IDbContextTransaction transaction, IReadOnlyList<ValidatedValue> values,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var weeksBySeries = values
            .GroupBy(v => (v.Input.Disease, v.Input.Unit, v.Input.System))
            .ToDictionary(g => g.Key, g => (IReadOnlySet<EpiWeek>)g.Select(v => v.Week).ToHashSet());
        var histories = await HistoriesAsync(connection, transaction, cancellationToken);
        var countries = values.Select(v => (v.Input.Unit, v.Country)).Distinct().ToDictionary(p => p.Unit, p => p.Country, StringComparer.Ordinal);

        // The engine is pure computation, series by series: spread it over the cores.
        var detected = new System.Collections.Concurrent.ConcurrentBag<Signal>();
        Parallel.ForEach(weeksBySeries, new ParallelOptions { CancellationToken = cancellationToken }, series =>
        {
            var ((disease, unit, system), weeks) = series;
            var definition = reference.Disease(disease)!;
            var history = histories.GetValueOrDefault((disease, unit, system)) ?? [];
            var parameters = ParametersOf(definition);
            foreach (var found in detection.Detect(definition, history, weeks))
            {
                detected.Add(new Signal
                {
                    Id = Guid.CreateVersion7(now),
                    Disease = disease,
                    Unit = unit,
                    Country = countries[unit],
                    WeekSystem = system,
                    EpiYear = found.Week.Year,
                    EpiWeek = found.Week.Week,
                    WeekStart = found.Week.Start,
                    Method = found.Method,
                    Observed = found.Observed,
                    Statistic = found.Statistic,
                    Threshold = found.Threshold,
                    Note = found.Note,
                    Parameters = parameters,
                    DetectedAt = now,
                });
            }
        });

        return await RecordNewAsync([.. detected], now, cancellationToken);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Parameters = new(StringComparer.Ordinal);

    /// <summary>The disease's settings as JSON, stored with each signal; serialized once per disease.</summary>
    private static string ParametersOf(DiseaseDefinition definition) =>
        Parameters.GetOrAdd(definition.Code, _ => JsonSerializer.Serialize(definition.Settings, SettingsJson));

    /// <summary>The new signals by binary COPY: a backfill of years raises thousands, and EF's inserts were most of its cost.</summary>
    private static async Task WriteSignalsAsync(NpgsqlConnection connection, IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        if (signals.Count == 0)
        {
            return;
        }

        await using var import = await connection.BeginBinaryImportAsync(
            "COPY signals (id, disease, unit, country, week_system, epi_year, epi_week, week_start, method, observed, statistic, threshold, note, parameters, detected_at, alert_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var s in signals)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(s.Disease, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(s.Unit, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(s.Country, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(s.WeekSystem.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(s.EpiYear, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(s.EpiWeek, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(s.WeekStart, NpgsqlDbType.Date, cancellationToken);
            await import.WriteAsync(s.Method, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(s.Observed, NpgsqlDbType.Double, cancellationToken);
            await import.WriteAsync(s.Statistic, NpgsqlDbType.Double, cancellationToken);
            await import.WriteAsync(s.Threshold, NpgsqlDbType.Double, cancellationToken);
            if (s.Note is null)
            {
                await import.WriteNullAsync(cancellationToken);
            }
            else
            {
                await import.WriteAsync(s.Note, NpgsqlDbType.Varchar, cancellationToken);
            }

            await import.WriteAsync(s.Parameters, NpgsqlDbType.Jsonb, cancellationToken);
            await import.WriteAsync(s.DetectedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            if (s.AlertId is { } alert)
            {
                await import.WriteAsync(alert, NpgsqlDbType.Uuid, cancellationToken);
            }
            else
            {
                await import.WriteNullAsync(cancellationToken);
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>Every touched series, whole: the methods need its past (EARS 11 weeks, the channel 5-7 years).</summary>
    private static async Task<Dictionary<(string, string, WeekSystem), List<WeeklyValue>>> HistoriesAsync(NpgsqlConnection connection,
        IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.disease, r.unit, r.week_system, r.epi_year, r.epi_week, r.cases
            FROM weekly_reports r
            JOIN (SELECT DISTINCT disease, unit, week_system FROM incoming) s USING (disease, unit, week_system)
            ORDER BY r.disease, r.unit, r.week_system, r.week_start
            """;
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var histories = new Dictionary<(string, string, WeekSystem), List<WeeklyValue>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var system = Enum.Parse<WeekSystem>(reader.GetString(2));
            var key = (reader.GetString(0), reader.GetString(1), system);
            if (!histories.TryGetValue(key, out var list))
            {
                histories[key] = list = [];
            }

            list.Add(new WeeklyValue(Detection.Weeks.EpiWeek.Of(reader.GetInt32(3), reader.GetInt32(4), system), reader.GetInt32(5)));
        }

        return histories;
    }

    /// <summary>
    /// Signals not raised before (a re-sent week raises nothing twice). Recent ones are attached to
    /// their unit's open alert and published; older ones (a backfill) are kept as history only.
    /// </summary>
    private async Task<IReadOnlyList<Signal>> RecordNewAsync(List<Signal> detected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (detected.Count == 0)
        {
            return [];
        }

        var diseases = detected.Select(s => s.Disease).Distinct().ToList();
        var units = detected.Select(s => s.Unit).Distinct().ToList();
        var years = detected.Select(s => s.EpiYear).Distinct().ToList();
        var existing = (await db.Signals.AsNoTracking()
                .Where(s => diseases.Contains(s.Disease) && units.Contains(s.Unit) && years.Contains(s.EpiYear))
                .Select(s => new { s.Disease, s.Unit, s.WeekSystem, s.EpiYear, s.EpiWeek, s.Method })
                .ToListAsync(cancellationToken))
            .Select(s => (s.Disease, s.Unit, s.WeekSystem, s.EpiYear, s.EpiWeek, s.Method))
            .ToHashSet();
        var fresh = detected.Where(s => !existing.Contains((s.Disease, s.Unit, s.WeekSystem, s.EpiYear, s.EpiWeek, s.Method)))
            .OrderBy(s => s.WeekStart).ToList();
        if (fresh.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var open = await db.Alerts
            .Where(a => diseases.Contains(a.Disease) && units.Contains(a.Unit) && a.Status != AlertStatus.Closed && a.Status != AlertStatus.Discarded)
            .ToListAsync(cancellationToken);
        foreach (var signal in fresh)
        {
            if (!options.Value.OpensAlert(Detection.Weeks.EpiWeek.Of(signal.EpiYear, signal.EpiWeek, signal.WeekSystem), today))
            {
                continue;
            }

            var alert = open.FirstOrDefault(a => a.Disease == signal.Disease && a.Unit == signal.Unit);
            if (alert is null)
            {
                alert = Alert.Open(signal, now);
                open.Add(alert);
                db.Alerts.Add(alert);
            }
            else
            {
                alert.Attach(signal, now);
            }

            signal.AlertId = alert.Id;
            db.Publish(new SignalRaised(signal.Id, alert.Id, signal.Disease, signal.Unit, signal.Country, signal.WeekLabel, signal.Method,
                signal.Observed, signal.Statistic, signal.Threshold, now), alert.Id);
        }

        return fresh;
    }
}
