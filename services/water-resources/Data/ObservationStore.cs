using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Lmc.WaterResources.Data;

/// <summary>What a write of a series did.</summary>
public sealed record SeriesWritten(int Recorded, int Corrected);

/// <summary>
/// Writes a datastream's readings in the caller's transaction: new times by binary COPY (a season of 15-minute
/// readings is one round trip), times already recorded as corrections, whose replaced values move to
/// observation_revisions first. SQL here rather than entities: tracking 50,000 entities costs more than the
/// write.
/// </summary>
public static class ObservationStore
{
    /// <summary>
    /// Writes the readings; <c>expectedVersion</c> is, for one correction, the version it replaces (checked), null
    /// for a series.
    /// </summary>
    public static async Task<SeriesWritten> WriteAsync(
        this WaterResourcesDbContext db,
        string station,
        string property,
        IReadOnlyList<Reading> readings,
        bool correctExisting,
        int? expectedVersion,
        string country,
        string subject,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var min = readings.Min(r => r.Time);
        var max = readings.Max(r => r.Time);
        var existing = await db.Observations.AsNoTracking()
            .Where(o => o.StationCode == station && o.Property == property && o.Time >= min && o.Time <= max)
            .Select(o => new { o.Time, o.Version })
            .ToDictionaryAsync(o => o.Time, o => o.Version, ct);
        var corrections = readings.Where(r => existing.ContainsKey(r.Time)).ToList();
        if (expectedVersion is { } expected)
        {
            var actual = corrections.Count == 0 ? 0 : existing[corrections[0].Time];
            if (actual != expected)
            {
                throw expected == 0
                    ? new ConflictException(
                        $"{station} {property} at {readings[0].Time:O} is recorded already (version {actual}); "
                            + "to correct it give corrects_version")
                    : actual == 0 ? new NotFoundException("observation", $"{station} {property} {readings[0].Time:O}")
                    : new ConcurrencyException(
                        "observation", $"{station} {property} {readings[0].Time:O}", expected, actual);
            }
        }
        else if (corrections.Count > 0 && !correctExisting)
        {
            throw new ConflictException(
                $"{corrections.Count} of the times are recorded already (the first {corrections[0].Time:O}); "
                    + "set correct_existing to correct them, or leave them out");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var fresh = readings.Where(r => !existing.ContainsKey(r.Time)).ToList();
        if (fresh.Count > 0)
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                "COPY observations (station_code, property, time, value, version, recorded_at, recorded_by, "
                    + "recorded_by_subject) FROM STDIN (FORMAT BINARY)",
                ct);
            foreach (var reading in fresh)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(station, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(property, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(reading.Time, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(reading.Value, NpgsqlDbType.Double, ct);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(country, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(subject, NpgsqlDbType.Varchar, ct);
            }

            await writer.CompleteAsync(ct);
        }

        if (corrections.Count > 0)
        {
            var times = corrections.Select(c => c.Time).ToArray();
            var values = corrections.Select(c => c.Value).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO observation_revisions (station_code, property, time, version, value, recorded_at,
                    recorded_by, recorded_by_subject, superseded_at)
                SELECT o.station_code, o.property, o.time, o.version, o.value, o.recorded_at, o.recorded_by,
                    o.recorded_by_subject, {now}
                FROM observations o
                WHERE o.station_code = {station} AND o.property = {property} AND o.time = ANY({times})
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE observations o SET value = u.value, version = o.version + 1, recorded_at = {now},
                    recorded_by = {country}, recorded_by_subject = {subject}
                FROM unnest({times}, {values}) AS u(time, value)
                WHERE o.station_code = {station} AND o.property = {property} AND o.time = u.time
                """, ct);
        }

        return new SeriesWritten(fresh.Count, corrections.Count);
    }
}

public static class StationLocks
{
    /// <summary>
    /// Serializes the writes of one station for the transaction: two ingests racing would each judge the station on
    /// the record without the other's readings, and each issue the same warning.
    /// </summary>
    public static Task LockStationAsync(this WaterResourcesDbContext db, string station, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"water-resources:" + station}))", ct);
}
