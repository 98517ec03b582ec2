using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Lmc.Contracts.HealthSurveillance.V1;
using Npgsql;
using NpgsqlTypes;

namespace Lmc.Bench;

public sealed record IngestResult(string Pipeline, int Round, int Rows, double Seconds, int Signals)
{
    public double RowsPerSecond => Rows / Seconds;
}

/// <summary>
/// Bulk ingest with detection (issue 8): the health-surveillance service's SubmitWeeklyReports over
/// gRPC, straight to the service, in batches of 5,000 values ordered by series, against a plain
/// binary COPY of the same rows into an unindexed table of the same columns, in the same run.
/// The service writes history, upserts on its unique key and runs the threshold engine over
/// every touched series; COPY does none of that, which is the point of the comparison.
/// </summary>
public static class Ingest
{
    public const int BatchSize = 5_000;
    private static readonly string[] Diseases = ["dengue", "malaria-falciparum", "measles", "typhoid", "chikungunya", "hand-foot-mouth-disease"];

    public static async Task<List<IngestResult>> RunAsync(Infra infra, string repo, string logDir, bool quick)
    {
        var diseases = quick ? 1 : Diseases.Length;
        var rows = Rows(diseases).ToList();
        Console.WriteLine($"== bulk ingest: {rows.Count} weekly values ({diseases} disease(s) x 77 Thai provinces x 2019-2025)");
        var identityDb = await infra.CreateDatabaseAsync("ingest_identity");
        using var identity = new Service("ingest-identity", repo, "services/identity", "Lmc.Identity", new Dictionary<string, string>
        {
            ["ConnectionStrings__identity"] = identityDb,
            ["ConnectionStrings__rabbitmq"] = infra.RabbitUri,
            ["Database__MigrateOnStartup"] = "true",
            ["Identity__Issuer"] = "http://127.0.0.1:{http}/",
            ["Identity__SeedDevelopmentClients"] = "true",
            ["Auth__Authority"] = "http://127.0.0.1:{http}/",
            ["Auth__RequireHttpsMetadata"] = "false",
        }, logDir);
        await identity.WaitReadyAsync();
        using var http = new HttpClient();
        var token = await Platform.TokenAsync(http, identity, "dev-th-health-focal-point");

        var results = new List<IngestResult>();
        results.Add(await CopyAsync(infra, rows, 1));
        for (var round = 1; round <= (quick ? 1 : 2); round++)
        {
            // A fresh database each round, so both rounds insert (not correct) every value.
            using var service = new Service($"health-surveillance-{round}", repo, "services/health-surveillance", "Lmc.HealthSurveillance", new Dictionary<string, string>
            {
                ["ConnectionStrings__health-surveillance"] = await infra.CreateDatabaseAsync($"ingest_surveillance_{round}"),
                ["ConnectionStrings__rabbitmq"] = infra.RabbitUri,
                ["Database__MigrateOnStartup"] = "true",
                ["Auth__Authority"] = identity.Http + "/",
                ["Auth__RequireHttpsMetadata"] = "false",
            }, logDir);
            await service.WaitReadyAsync();
            results.Add(await ServiceAsync(service.Grpc, token, rows, round));
            results.Add(await CopyAsync(infra, rows, round + 1));
        }

        foreach (var r in results)
        {
            Console.WriteLine($"   {r.Pipeline} round {r.Round}: {r.RowsPerSecond:F0} values/s ({r.Seconds:F2} s){(r.Signals > 0 ? $", {r.Signals} signals" : "")}");
        }

        return results;
    }

    public static void Write(string dir, List<IngestResult> results, bool quick)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var copy = results.Where(r => r.Pipeline == "copy").Average(r => r.RowsPerSecond);
        var service = results.Where(r => r.Pipeline == "service").Average(r => r.RowsPerSecond);
        var md = new StringBuilder();
        md.AppendLine($"# Bulk ingest with detection {stamp}{(quick ? " (--quick)" : "")}");
        md.AppendLine();
        md.AppendLine($"{Environment.ProcessorCount} cores. {results[0].Rows} weekly values per run, batches of {BatchSize} ordered by series. COPY runs before, between and after the service rounds.");
        md.AppendLine();
        md.AppendLine("| pipeline | round | values/s | seconds | signals |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine($"| {r.Pipeline} | {r.Round} | {r.RowsPerSecond:F0} | {r.Seconds:F2} | {r.Signals} |");
        }

        md.AppendLine();
        md.AppendLine($"Service ÷ COPY (means): **{service / copy:F2}×** — target ≥ 0.5×: {(service / copy >= 0.5 ? "met" : "not met")}.");
        File.WriteAllText(Path.Combine(dir, $"ingest-{stamp}.md"), md.ToString());
        File.WriteAllText(Path.Combine(dir, $"ingest-{stamp}.json"), JsonSerializer.Serialize(new { stamp, quick, ratio = service / copy, results }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"   service / COPY = {service / copy:F2}x; written bench/results/ingest-{stamp}.md");
    }

    /// <summary>Seasonal weekly counts, deterministic, series by series.</summary>
    private static IEnumerable<WeeklyValue> Rows(int diseases)
    {
        var random = new Random(2026);
        foreach (var disease in Diseases.Take(diseases))
        {
            foreach (var unit in ThaiProvinces())
            {
                var level = 5 + random.Next(30);
                for (var year = 2019; year <= 2025; year++)
                {
                    for (var week = 1; week <= ISOWeek.GetWeeksInYear(year); week++)
                    {
                        var season = 1 + (1.5 * Math.Exp(-Math.Pow((week - 32) / 7.0, 2)));
                        var cases = (int)Math.Max(0, (level * season) + ((random.NextDouble() - 0.5) * level * 0.6));
                        yield return new WeeklyValue { Disease = disease, Unit = unit, EpiYear = year, EpiWeek = week, Cases = cases, Deaths = cases / 500 };
                    }
                }
            }
        }
    }

    /// <summary>TH-10 (Bangkok) and the 76 provinces' ISO 3166-2 codes.</summary>
    private static IEnumerable<string> ThaiProvinces()
    {
        int[] codes = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49,
            50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 67, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95, 96];
        return codes.Select(c => "TH-" + c.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<IngestResult> ServiceAsync(string grpc, string token, List<WeeklyValue> rows, int round)
    {
        using var channel = GrpcChannel.ForAddress(grpc);
        var client = new HealthSurveillanceService.HealthSurveillanceServiceClient(channel);
        var headers = new Metadata { { "Authorization", "Bearer " + token } };
        // Warm-up on a week outside the measured rows (JIT, connection, EF model).
        await client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest { Value = new WeeklyValue { Disease = "rabies", Unit = "TH-10", EpiYear = 2018, EpiWeek = 1 } }, headers);
        var signals = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var request = new SubmitWeeklyReportsRequest();
            request.Values.AddRange(batch);
            signals += (await client.SubmitWeeklyReportsAsync(request, headers)).Result.Signals.Count;
        }

        return new IngestResult("service", round, rows.Count, Stopwatch.GetElapsedTime(started).TotalSeconds, signals);
    }

    private static async Task<IngestResult> CopyAsync(Infra infra, List<WeeklyValue> rows, int round)
    {
        await using var connection = new NpgsqlConnection(await infra.CreateDatabaseAsync($"ingest_copy_{round}"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE weekly_values (disease text, unit text, country text, week_system text, epi_year int, epi_week int, week_start date, cases int, deaths int)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var import = await connection.BeginBinaryImportAsync(
                "COPY weekly_values (disease, unit, country, week_system, epi_year, epi_week, week_start, cases, deaths) FROM STDIN (FORMAT BINARY)");
            foreach (var v in batch)
            {
                await import.StartRowAsync();
                await import.WriteAsync(v.Disease, NpgsqlDbType.Text);
                await import.WriteAsync(v.Unit, NpgsqlDbType.Text);
                await import.WriteAsync("TH", NpgsqlDbType.Text);
                await import.WriteAsync("Iso", NpgsqlDbType.Text);
                await import.WriteAsync(v.EpiYear, NpgsqlDbType.Integer);
                await import.WriteAsync(v.EpiWeek, NpgsqlDbType.Integer);
                await import.WriteAsync(DateOnly.FromDateTime(ISOWeek.ToDateTime(v.EpiYear, v.EpiWeek, DayOfWeek.Monday)), NpgsqlDbType.Date);
                await import.WriteAsync(v.Cases, NpgsqlDbType.Integer);
                await import.WriteAsync(v.Deaths, NpgsqlDbType.Integer);
            }

            await import.CompleteAsync();
        }

        return new IngestResult("copy", round, rows.Count, Stopwatch.GetElapsedTime(started).TotalSeconds, 0);
    }
}
