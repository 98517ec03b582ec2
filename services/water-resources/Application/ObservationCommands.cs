using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Application;

/// <summary>One station's series in a request: a property in a unit and its readings.</summary>
public sealed record SeriesInput(string? Station, string? Property, string? Unit, IReadOnlyList<Reading> Readings);

/// <summary>What an ingest recorded and what it left the stations in.</summary>
public sealed record IngestResult(int Recorded, int Corrected, IReadOnlyList<Outcome> Outcomes)
{
    public IEnumerable<Warning> Warnings => Outcomes.SelectMany(o => o.Warnings);
}

/// <summary>
/// Observations in, one at a time, as a series, or as CSV: each request all or nothing, in one transaction with
/// the evaluation it causes, so a warning is never missing for a level that was saved nor present for one that was
/// not.
/// </summary>
public sealed class ObservationCommands(
    WaterResourcesDbContext db, Catalogue catalogue, StationMonitor monitor, TimeProvider time)
{
    public const int MaxReadings = 50_000;

    public async Task<(Observation Observation, IngestResult Result)> RecordAsync(
        Caller caller, SeriesInput input, int correctsVersion, CancellationToken ct)
    {
        var series = Validate(caller, input, "");
        var result = await WriteAsync(caller, [series], correctExisting: true, expectedVersion: correctsVersion, ct);
        var reading = series.Readings[0];
        var saved = await db.Observations.AsNoTracking()
            .SingleAsync(
                o => o.StationCode == series.Station.Code && o.Property == series.Property.Code
                    && o.Time == reading.Time,
                ct);
        return (saved, result);
    }

    public Task<IngestResult> RecordSeriesAsync(
        Caller caller, SeriesInput input, bool correctExisting, CancellationToken ct) =>
        WriteAsync(caller, [Validate(caller, input, "values")], correctExisting, null, ct);

    /// <summary>
    /// Rows of any stations of the caller's country, grouped into series; any bad row refuses the lot, row named.
    /// </summary>
    public async Task<IngestResult> ImportCsvAsync(Caller caller, string csv, CancellationToken ct)
    {
        var rows = ObservationCsv.Parse(csv);
        var errors = new ValidationErrors();
        var groups = new List<ValidSeries>();
        foreach (var group in rows.GroupBy(r => (r.Station.ToUpperInvariant(), r.Property, r.Unit)))
        {
            try
            {
                var first = group.First();
                groups.Add(Validate(
                    caller,
                    new SeriesInput(first.Station, first.Property, first.Unit, [.. group.Select(r => r.Reading)]),
                    $"row {first.Row}"));
            }
            catch (ValidationException refused)
            {
                foreach (var (field, problems) in refused.Errors)
                {
                    foreach (var problem in problems)
                    {
                        errors.Add(field, problem);
                    }
                }
            }
        }

        errors.ThrowIfAny();
        return await WriteAsync(caller, groups, correctExisting: false, expectedVersion: null, ct);
    }

    private sealed record ValidSeries(
        StationInfo Station, ObservedProperty Property, IReadOnlyList<Reading> Readings);

    private ValidSeries Validate(Caller caller, SeriesInput input, string at)
    {
        var station = catalogue.RequireStation(input.Station);
        Stewards.EnsureMayReportFor(caller, station, "observations");
        var property = catalogue.RequireProperty(station, input.Property);
        var prefix = at.Length == 0 ? "" : at + ": ";
        property.RequireUnit(input.Unit);
        if (input.Readings.Count is 0 or > MaxReadings)
        {
            throw new ValidationException(
                "values", $"{prefix}give from 1 to {MaxReadings:N0} readings (split a longer series)");
        }

        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        var seen = new HashSet<DateTimeOffset>();
        var readings = new List<Reading>(input.Readings.Count);
        for (var i = 0; i < input.Readings.Count; i++)
        {
            var reading = input.Readings[i];
            var field = input.Readings.Count == 1 && at.Length == 0 ? "time" : $"values[{i}]";
            // Whole seconds, in UTC: a time given twice means the same reading however the client wrote it.
            var when = new DateTimeOffset(
                reading.Time.UtcTicks - reading.Time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (reading.Time == default)
            {
                errors.Add(field, $"{prefix}has no time");
            }
            else if (when > now.AddMinutes(5))
            {
                errors.Add(field, $"{prefix}{when:O} is in the future; forecasts go to SubmitForecast");
            }
            else if (!seen.Add(when))
            {
                errors.Add(field, $"{prefix}{when:O} is given twice");
            }

            try
            {
                property.RequirePlausible(reading.Value, field);
            }
            catch (ValidationException refused)
            {
                errors.Add(field, prefix + refused.Errors.Values.First()[0]);
            }

            readings.Add(new Reading(when, reading.Value));
            if (errors.Count > 20)
            {
                break;
            }
        }

        errors.ThrowIfAny();
        return new ValidSeries(station, property, readings);
    }

    private async Task<IngestResult> WriteAsync(
        Caller caller,
        IReadOnlyList<ValidSeries> series,
        bool correctExisting,
        int? expectedVersion,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stations = series.Select(s => s.Station)
            .DistinctBy(s => s.Code)
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var station in stations)
        {
            await db.LockStationAsync(station.Code, ct);
        }

        int recorded = 0, corrected = 0;
        foreach (var s in series)
        {
            var written = await db.WriteAsync(
                s.Station.Code,
                s.Property.Code,
                s.Readings,
                correctExisting,
                expectedVersion,
                caller.Country!,
                caller.Subject,
                now,
                ct);
            recorded += written.Recorded;
            corrected += written.Corrected;
        }

        var outcomes = new List<Outcome>();
        foreach (var station in stations.Where(
            st => series.Any(s => s.Station == st && s.Property.Code == ObservedProperty.WaterLevel)))
        {
            if (await monitor.EvaluateAsync(station, ct) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IngestResult(recorded, corrected, outcomes);
    }
}
