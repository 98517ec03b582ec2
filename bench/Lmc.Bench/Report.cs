using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lmc.Bench;

public static class Report
{
    public static void Write(string dir, Dictionary<string, object> report, List<(string Service, double RssMb, double ReadySeconds)> footprint, double allReady,
        List<WrkResult> rest, GrpcSequential seq, List<GrpcConcurrent> concurrent, List<EventResult> events, List<EventResult> webhooks, bool quick)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var md = new StringBuilder();
        var nginx = rest.Single(r => r.Target == "nginx");
        var direct = rest.Single(r => r.Target == "direct");
        var gw = rest.Single(r => r.Target == "gateway");
        var targets = new List<(string, bool, string)>();

        md.AppendLine($"# LMC bench {stamp}{(quick ? " (--quick)" : "")}");
        md.AppendLine();
        md.AppendLine($"{report["machine"]}. {report["logging"]}. Ratios are against the baseline measured in the same run.");
        md.AppendLine();
        md.AppendLine("## REST `GET /api/v1/projects/{id}` (wrk -t2 -c32 --latency, bearer token)");
        md.AppendLine();
        md.AppendLine("| target | req/s | × nginx | p50 ms | p99 ms | p99 × nginx | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rest)
            md.AppendLine($"| {r.Target} | {r.RequestsPerSecond:F0} | {r.RequestsPerSecond / nginx.RequestsPerSecond:F2} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.P99Ms / nginx.P99Ms:F2} | {r.Errors} |");
        targets.Add(("gateway ≥ 1.0× nginx req/s", gw.RequestsPerSecond >= nginx.RequestsPerSecond, $"{gw.RequestsPerSecond / nginx.RequestsPerSecond:F2}×"));
        targets.Add(("gateway p99 ≤ nginx p99", gw.P99Ms <= nginx.P99Ms, $"{gw.P99Ms:F2} vs {nginx.P99Ms:F2} ms"));

        md.AppendLine();
        md.AppendLine($"## gRPC `ProjectsService/GetProject` (Grpc.Net.Client)");
        md.AppendLine();
        md.AppendLine($"Single stream, {seq.Iterations} sequential calls each, direct, nginx (`grpc_pass`, a plain proxy, for reference) and gateway interleaved:");
        md.AppendLine();
        md.AppendLine("| | p50 ms | p99 ms | mean ms |");
        md.AppendLine("|---|---:|---:|---:|");
        md.AppendLine($"| direct | {seq.DirectP50:F3} | {seq.DirectP99:F3} | {seq.DirectMean:F3} |");
        md.AppendLine($"| nginx | {seq.NginxP50:F3} | {seq.NginxP99:F3} | {seq.NginxMean:F3} |");
        md.AppendLine($"| gateway | {seq.GatewayP50:F3} | {seq.GatewayP99:F3} | {seq.GatewayMean:F3} |");
        md.AppendLine($"| added by nginx | {seq.NginxAddedP50:F3} | | {seq.NginxAddedMean:F3} |");
        md.AppendLine($"| added by the gateway | {seq.AddedP50:F3} | {seq.AddedP99:F3} | {seq.AddedMean:F3} |");
        md.AppendLine();
        var cd = concurrent.Single(c => c.Target == "direct");
        md.AppendLine($"{cd.Streams} concurrent streams on one channel:");
        md.AppendLine();
        md.AppendLine("| target | calls/s | × direct | p50 ms | p99 ms | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var c in concurrent)
            md.AppendLine($"| {c.Target} | {c.CallsPerSecond:F0} | {c.CallsPerSecond / cd.CallsPerSecond:F2} | {c.P50Ms:F2} | {c.P99Ms:F2} | {c.Errors} |");
        targets.Add(("≤ 0.1 ms added per gRPC call (mean)", seq.AddedMean <= 0.1, $"{seq.AddedMean:F3} ms (p50 {seq.AddedP50:F3}; nginx adds {seq.NginxAddedMean:F3})"));

        md.AppendLine();
        md.AppendLine("## Events: outbox → RabbitMQ → idempotent consumer vs raw RabbitMQ.Client 7");
        md.AppendLine();
        md.AppendLine($"Platform: `LmcDbContext.Publish` + SaveChanges (one event per transaction, {Events.Producers} producers), `OutboxDispatcher` (woken as the platform wakes it), MassTransit, `BatchInboxConsumer` writing one effect row per event; latency from commit returned to the effect's inbox transaction committed. " +
                      $"Raw: persistent message to a durable queue, publisher confirm awaited per message ({Events.Producers} producers, one channel each), manual-ack consumer (prefetch 32); latency from the publish call to delivery.");
        md.AppendLine();
        md.AppendLine("| pipeline | mode | events | produced/s | effects/s | × raw | p50 ms | p99 ms | mean ms | missing |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var e in events)
        {
            var baseline = events.Single(x => x.Pipeline == "raw" && x.Mode == e.Mode);
            md.AppendLine($"| {e.Pipeline} | {e.Mode} | {e.Events} | {e.ProducedPerSecond:F0} | {e.EffectsPerSecond:F0} | {e.EffectsPerSecond / baseline.EffectsPerSecond:F2} | {e.P50Ms:F2} | {e.P99Ms:F2} | {e.MeanMs:F2} | {e.Missing} |");
        }

        var pt = events.Single(e => e.Pipeline == "platform" && e.Mode == "throughput");
        var rt = events.Single(e => e.Pipeline == "raw" && e.Mode == "throughput");
        var pp = events.Single(e => e.Pipeline == "platform" && e.Mode == "paced 1000/s");
        targets.Add(("events ≥ 0.5× raw rate", pt.EffectsPerSecond >= 0.5 * rt.EffectsPerSecond, $"{pt.EffectsPerSecond / rt.EffectsPerSecond:F2}×"));
        targets.Add(("commit-to-effect p99 ≤ 50 ms at 1,000/s", pp.P99Ms <= 50 && pp.Missing == 0, $"{pp.P99Ms:F1} ms"));

        md.AppendLine();
        md.AppendLine("## Webhooks: outbox → RabbitMQ → subscriptions service → signed CloudEvent POSTed to a receiver");
        md.AppendLine();
        md.AppendLine($"The same producer as above ({Events.Producers} producers, one event per transaction); the subscriptions service (Release, its default delivery options) logs each event from its intake queue and POSTs it to one subscription's receiver, " +
                      "Kestrel in the driver answering 200 at once; latency from commit returned to the receiver having read the request. × raw: against the raw RabbitMQ.Client run above.");
        md.AppendLine();
        md.AppendLine("| mode | events | produced/s | delivered/s | × raw throughput | p50 ms | p99 ms | mean ms | missing |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rawThroughput = events.Single(e => e.Pipeline == "raw" && e.Mode == "throughput");
        foreach (var w in webhooks)
            md.AppendLine($"| {w.Mode} | {w.Events} | {w.ProducedPerSecond:F0} | {w.EffectsPerSecond:F0} | {w.EffectsPerSecond / rawThroughput.EffectsPerSecond:F2} | {w.P50Ms:F2} | {w.P99Ms:F2} | {w.MeanMs:F2} | {w.Missing} |");
        var wt = webhooks.Single(e => e.Mode == "throughput");
        var w200 = webhooks.Single(e => e.Mode == "paced 200/s");
        targets.Add(("webhooks ≥ 0.5× raw rate", wt.EffectsPerSecond >= 0.5 * rawThroughput.EffectsPerSecond, $"{wt.EffectsPerSecond / rawThroughput.EffectsPerSecond:F2}× ({wt.EffectsPerSecond:F0}/s)"));
        targets.Add(("commit-to-webhook p99 < 100 ms at 200/s", w200.P99Ms < 100 && w200.Missing == 0, $"{w200.P99Ms:F1} ms (p50 {w200.P50Ms:F1})"));

        md.AppendLine();
        md.AppendLine("## Footprint (VmRSS 10 s after healthy; every service started at once, fresh databases, migrations included)");
        md.AppendLine();
        md.AppendLine("| service | RSS MB | healthy after s |");
        md.AppendLine("|---|---:|---:|");
        foreach (var f in footprint) md.AppendLine($"| {f.Service} | {f.RssMb:F1} | {f.ReadySeconds:F2} |");
        md.AppendLine($"| all healthy | | {allReady:F2} |");
        foreach (var f in footprint) targets.Add(($"{f.Service} idle ≤ 120 MB", f.RssMb <= 120, $"{f.RssMb:F0} MB"));

        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | met | measured |");
        md.AppendLine("|---|---|---|");
        foreach (var (name, met, value) in targets) md.AppendLine($"| {name} | {(met ? "yes" : "**no**")} | {value} |");
        report["targets"] = targets.Select(t => new { target = t.Item1, met = t.Item2, measured = t.Item3 }).ToList();

        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        File.WriteAllText(Path.Combine(dir, stamp + ".md"), md.ToString());
        File.WriteAllText(Path.Combine(dir, stamp + ".json"), json);
        File.WriteAllText(Path.Combine(dir, "latest.md"), md.ToString());
        File.WriteAllText(Path.Combine(dir, "latest.json"), json);
        Console.WriteLine();
        Console.WriteLine(md.ToString());
    }
}
