using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Contracts.Connectivity.V1;
using Npgsql;

namespace Lmc.Bench;

public sealed record RouteResult(string Network, int Links, string Target, string Mode, int Concurrency, double QueriesPerSecond,
    double P50Ms, double P99Ms, long Queries, long Errors);

/// <summary>
/// Route queries (issue 15): the connectivity service's FindRoutes over gRPC (fastest by road and rail, one route,
/// dwell included, as a caller asks it) against a plain <c>pgr_dijkstra</c> over the same view on the same database
/// (<c>routing_edges</c>, the same filters, the cost summed: what the service's query is without the service). First
/// on the seed network (the manifest's <c>local.seed</c> script run against the service), then with a generated grid of
/// about 100,000 road links added (224 x 224 nodes across the region, written straight into the tables: entering
/// that many through the API would take the run's whole budget). Each measured sequentially, the two interleaved
/// query by query, then with several queries in flight for a fixed time each.
/// </summary>
public static class Routes
{
    private const string Service = "connectivity";

    public static async Task<List<RouteResult>> RunAsync(Infra infra, string repo, string logDir, bool quick)
    {
        var manifests = ServiceManifests.Load(Path.Combine(repo, "services"));
        var connectivity = manifests.Single(m => m.Name == Service);
        var only = manifests.Where(m => m.IssuesTokens || m == connectivity || connectivity.Calls.Contains(m.Name)).ToList();
        var running = new List<Service>();
        var results = new List<RouteResult>();
        try
        {
            var up = await Platform.StartAsync(infra, repo, logDir, only, running);
            await Task.WhenAll(running.Select(s => s.WaitReadyAsync()));
            var identity = up[only.Single(m => m.IssuesTokens).Name];
            var service = up[Service];
            Console.WriteLine("   seeding the demo network through the service's API");
            await SeedAsync(connectivity, service, identity);
            using var http = new HttpClient();
            var token = await Platform.TokenAsync(http, identity, "dev-th-secretariat");
            var database = infra.DatabaseFor(Service);

            var sequential = quick ? 100 : 400;
            var seconds = quick ? 3 : 10;
            var seedPairs = await PairsAsync(database, "kind = 1 AND code NOT LIKE 'G-%'", quick ? 40 : 200);
            results.AddRange(await MeasureAsync("seed", await CountAsync(database), service.Grpc, token, database, seedPairs, sequential, seconds));

            var side = quick ? 50 : 224;
            Console.WriteLine($"   generating a {side} x {side} grid ({2 * side * (side - 1)} links)");
            await GridAsync(database, side);
            var gridPairs = await PairsAsync(database, "code LIKE 'G-%'", quick ? 20 : 60);
            results.AddRange(await MeasureAsync("generated", await CountAsync(database), service.Grpc, token, database, gridPairs,
                quick ? 20 : 60, seconds));
        }
        finally
        {
            foreach (var s in Enumerable.Reverse(running)) s.Dispose();
        }

        return results;
    }

    /// <summary>The seed <c>./lmc up</c> runs (the manifest's <c>local.seed</c>), pointed at the service instead of the gateway.</summary>
    private static async Task SeedAsync(ServiceManifest manifest, Service service, Service identity)
    {
        var script = manifest.Local?.Seed ?? throw new InvalidOperationException($"{manifest.Name}'s manifest names no local.seed");
        var start = new ProcessStartInfo("python3", [Path.Combine(manifest.Directory, script), service.Http])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // The seed's tokens come from local/token.sh, which asks this run's identity service.
        start.Environment["LMC_ISSUER"] = identity.Http + "/";
        using var seed = Process.Start(start)!;
        var output = seed.StandardOutput.ReadToEndAsync();
        var errors = seed.StandardError.ReadToEndAsync();
        await seed.WaitForExitAsync();
        if (seed.ExitCode != 0) throw new InvalidOperationException($"the connectivity seed failed: {await errors}{await output}");
        Console.WriteLine("   " + (await output).Trim().Split('\n')[^1]);
    }

    private static async Task<int> CountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM links", connection);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Origin-destination pairs (deterministic) that a road and rail route joins, checked with the baseline.</summary>
    private static async Task<List<(string FromCode, long From, string ToCode, long To)>> PairsAsync(string database, string where, int count)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var nodes = new List<(string Code, long Number)>();
        await using (var select = new NpgsqlCommand($"SELECT code, number FROM nodes WHERE {where} ORDER BY code", connection))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) nodes.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        var rng = new Random(15);
        var pairs = new List<(string, long, string, long)>();
        for (var tries = 0; pairs.Count < count && tries < count * 20; tries++)
        {
            var (a, b) = (nodes[rng.Next(nodes.Count)], nodes[rng.Next(nodes.Count)]);
            if (a.Number != b.Number && await BaselineAsync(connection, a.Number, b.Number) is not null) pairs.Add((a.Code, a.Number, b.Code, b.Number));
        }

        return pairs;
    }

    // The service's edges for road and rail, open links only (LinkMode 1-2, LinkStatus 3-4): written out, as a plain caller would.
    private const string Edges = "SELECT id, source, target, hours_forward AS cost, hours_backward AS reverse_cost FROM routing_edges "
                                 + "WHERE mode IN (1,2) AND status IN (3,4)";

    private static async Task<double?> BaselineAsync(NpgsqlConnection connection, long from, long to)
    {
        await using var query = new NpgsqlCommand("SELECT max(agg_cost + cost) FROM pgr_dijkstra($1, $2::bigint, $3::bigint, true)", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = Edges });
        query.Parameters.Add(new NpgsqlParameter { Value = from });
        query.Parameters.Add(new NpgsqlParameter { Value = to });
        return await query.ExecuteScalarAsync() is double hours ? hours : null;
    }

    private static async Task<List<RouteResult>> MeasureAsync(string network, int links, string grpc, string token, string database,
        List<(string FromCode, long From, string ToCode, long To)> pairs, int sequential, int seconds)
    {
        Console.WriteLine($"== routes on the {network} network ({links} links, {pairs.Count} pairs)");
        using var channel = GrpcChannel.ForAddress(grpc);
        var client = new ConnectivityService.ConnectivityServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Func<int, Task>[] targets =
        [
            i => client.FindRoutesAsync(new FindRoutesRequest { From = pairs[i % pairs.Count].FromCode, To = pairs[i % pairs.Count].ToCode },
                headers).ResponseAsync,
            i => BaselineAsync(connection, pairs[i % pairs.Count].From, pairs[i % pairs.Count].To),
        ];
        string[] names = ["service (gRPC FindRoutes)", "pgr_dijkstra (plain SQL)"];
        for (var i = 0; i < Math.Min(pairs.Count, 50); i++) foreach (var t in targets) await t(i); // warm-up

        var latencies = new[] { new List<double>(), new List<double>() };
        for (var i = 0; i < sequential; i++)
        {
            for (var k = 0; k < 2; k++)
            {
                var target = (i + k) % 2;
                var started = Stopwatch.GetTimestamp();
                await targets[target](i);
                latencies[target].Add(Stats.Ms(Stopwatch.GetTimestamp() - started));
            }
        }

        var results = new List<RouteResult>();
        for (var k = 0; k < 2; k++)
        {
            var total = latencies[k].Sum();
            var (p50, p99, _) = Stats.Summary(latencies[k]);
            results.Add(new RouteResult(network, links, names[k], "sequential", 1, latencies[k].Count * 1000 / total, p50, p99, latencies[k].Count, 0));
        }

        // In flight together: the service's callers share its connection pool; the baseline gets as many connections.
        const int concurrency = 4;
        results.Add(await ConcurrentAsync(network, links, names[0], concurrency, seconds, _ => targets[0]));
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var c = 0; c < concurrency; c++)
            {
                var own = new NpgsqlConnection(database);
                await own.OpenAsync();
                connections.Add(own);
            }

            results.Add(await ConcurrentAsync(network, links, names[1], concurrency, seconds,
                worker => i => BaselineAsync(connections[worker], pairs[i % pairs.Count].From, pairs[i % pairs.Count].To)));
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }

        foreach (var r in results)
            Console.WriteLine($"   {r.Target} {r.Mode} x{r.Concurrency}: {r.QueriesPerSecond:F1} q/s p50 {r.P50Ms:F2} ms p99 {r.P99Ms:F2} ms errors {r.Errors}");
        return results;
    }

    private static async Task<RouteResult> ConcurrentAsync(string network, int links, string name, int concurrency, int seconds,
        Func<int, Func<int, Task>> worker)
    {
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var latencies = new List<double>[concurrency];
        var errors = 0L;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var call = worker(w);
            latencies[w] = [];
            for (var i = w * 7919; Stopwatch.GetTimestamp() < until; i++)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    await call(i);
                    latencies[w].Add(Stats.Ms(Stopwatch.GetTimestamp() - t));
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        var (p50, p99, _) = Stats.Summary(all);
        return new RouteResult(network, links, name, "concurrent", concurrency, all.Count / elapsed, p50, p99, all.Count, errors);
    }

    /// <summary>A side x side grid of road nodes over the region, each joined to its right and upper neighbour.</summary>
    private static async Task GridAsync(string database, int side)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var sql = $"""
            INSERT INTO nodes (id, code, name, kind, country, location)
            SELECT gen_random_uuid(), format('G-%s-%s', i, j), format('Grid %s/%s', i, j), 1, 'LA',
                   ST_SetSRID(ST_MakePoint(92 + i * 18.0 / {side}, 6 + j * 23.0 / {side}), 4326)
            FROM generate_series(0, {side - 1}) i, generate_series(0, {side - 1}) j;
            CREATE TEMP TABLE grid AS
              SELECT a.id AS from_id, b.id AS to_id, ST_MakeLine(a.location, b.location) AS path, a.code || '>' || b.code AS code
              FROM nodes a JOIN nodes b ON b.code IN (
                format('G-%s-%s', split_part(a.code, '-', 2)::int + 1, split_part(a.code, '-', 3)),
                format('G-%s-%s', split_part(a.code, '-', 2), split_part(a.code, '-', 3)::int + 1))
              WHERE a.code LIKE 'G-%';
            INSERT INTO links (id, code, name, mode, status, from_node_id, to_node_id, path, length_km, owner_countries,
                               speed_kmh, cost_usd_per_tonne_km, version, project_ids)
            SELECT gen_random_uuid(), 'GL-' || md5(code), 'Grid road ' || code, 1, 3, from_id, to_id, path,
                   ST_Length(path::geography) / 1000, ARRAY['LA'], 40 + (abs(hashtext(code)) % 60), 0.06, 1, ARRAY[]::uuid[]
            FROM grid;
            ANALYZE nodes; ANALYZE links;
            """;
        await using var insert = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await insert.ExecuteNonQueryAsync();
    }

    public static void Write(string resultsDir, List<RouteResult> results, bool quick)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var md = new StringBuilder();
        md.AppendLine($"# Route queries{(quick ? " (quick)" : "")}, {stamp}");
        md.AppendLine();
        md.AppendLine("The connectivity service's FindRoutes (gRPC, fastest by road and rail) against a plain `pgr_dijkstra` over the same");
        md.AppendLine("view on the same database, side by side in the same run (bench/Lmc.Bench/Routes.cs). Target: the service at least");
        md.AppendLine("0.8x the plain query's rate.");
        md.AppendLine();
        md.AppendLine("| network | links | target | mode | in flight | queries/s | ratio | p50 ms | p99 ms | errors |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var baseline = results.Single(b => b.Network == r.Network && b.Mode == r.Mode && b.Target.StartsWith("pgr_", StringComparison.Ordinal));
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Network} | {r.Links} | {r.Target} | {r.Mode} | {r.Concurrency} | {r.QueriesPerSecond:F1} | {r.QueriesPerSecond / baseline.QueriesPerSecond:F2} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} |"));
        }

        var text = md.ToString();
        File.WriteAllText(Path.Combine(resultsDir, $"routes-{stamp}.md"), text);
        File.WriteAllText(Path.Combine(resultsDir, "routes-latest.md"), text);
        File.WriteAllText(Path.Combine(resultsDir, "routes-latest.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.Write(text);
    }
}
