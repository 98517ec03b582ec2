using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lmc.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string[] flags = ["--quick", "--no-build", "--events-only", "--ingest-only", "--edge-only"];
var unknown = args.Where((a, i) => !flags.Contains(a) && a != "--repo" && (i == 0 || args[i - 1] != "--repo")).ToList();
if (unknown.Count > 0 || args.Count(a => a.EndsWith("-only", StringComparison.Ordinal)) > 1)
{
    Console.Error.WriteLine($"usage: ./lmc bench [--quick] [--no-build] [--events-only | --ingest-only | --edge-only]{(unknown.Count > 0 ? $" (unknown: {string.Join(' ', unknown)})" : "")}");
    return 2;
}

var quick = args.Contains("--quick");
var repo = Path.GetFullPath(args.SkipWhile(a => a != "--repo").Skip(1).FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var resultsDir = Path.Combine(repo, "bench", "results");
var logDir = Path.Combine(resultsDir, "logs");
Directory.CreateDirectory(logDir);

// Sizes: --quick is a smoke run of about a minute; the full run stays under ten.
var wrkSeconds = quick ? 3 : 15;
var wrkRounds = quick ? 1 : 2;
var wrkConnections = 32;
var grpcIterations = quick ? 500 : 5_000;
var grpcStreams = 64;
var grpcSeconds = quick ? 2 : 10;
var eventsThroughput = quick ? 500 : 10_000;
// Paced at the target's 1,000/s, and at 250/s, a rate this machine sustains with room to spare:
// the second shows commit-to-effect when no backlog forms.
(int Rate, int Count)[] eventsPaced = quick ? [(1000, 1000), (250, 500)] : [(1000, 10_000), (250, 2_500)];

var report = new Dictionary<string, object>
{
    ["startedUtc"] = DateTime.UtcNow.ToString("O"),
    ["quick"] = quick,
    ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
    ["logging"] = "Logging__LogLevel__Default=Warning for every measured process",
};

await using var infra = new Infra();
await infra.CreateVhostAsync();
if (args.Contains("--events-only"))
{
    // For tuning the event pipeline alone (Outbox__*/Messaging__* environment variables apply).
    var n = quick ? 2000 : eventsThroughput;
    (int Rate, int Count)[] paced = quick ? [(1000, 3000), (250, 750)] : eventsPaced;
    foreach (var e in (await Events.RawAsync(infra, n, paced)).Concat(await Events.PlatformAsync(infra, n, paced)))
        Console.WriteLine($"   {e.Pipeline} {e.Mode}: produced {e.ProducedPerSecond:F0}/s effects {e.EffectsPerSecond:F0}/s p50 {e.P50Ms:F2} p99 {e.P99Ms:F2} ms missing {e.Missing}");
    return 0;
}

if (args.Contains("--ingest-only"))
{
    Ingest.Write(resultsDir, await Ingest.RunAsync(infra, repo, logDir, quick), quick);
    return 0;
}

var services = new List<Service>();
Nginx? nginx = null;
try
{
    // 1. Footprint and cold start: the three services started at once on fresh databases.
    Console.WriteLine("== start identity, projects, meetings, health-surveillance, funding, gateway");
    var identityDb = await infra.CreateDatabaseAsync("identity");
    var projectsDb = await infra.CreateDatabaseAsync("projects");
    var identityPort = Infra.FreePort();
    var issuer = "";
    var t0 = Stopwatch.GetTimestamp();
    // The identity service's issuer names its own port, known only once it is chosen: start it first.
    var identity = new Service("identity", repo, "services/identity", "Lmc.Identity", new Dictionary<string, string>
    {
        ["ConnectionStrings__identity"] = identityDb,
        ["ConnectionStrings__rabbitmq"] = infra.RabbitUri,
        ["Database__MigrateOnStartup"] = "true",
        ["Identity__Issuer"] = "http://127.0.0.1:{http}/",
        ["Identity__SeedDevelopmentClients"] = "true",
        ["Auth__Authority"] = "http://127.0.0.1:{http}/",
        ["Auth__RequireHttpsMetadata"] = "false",
    }, logDir);
    services.Add(identity);
    issuer = $"http://127.0.0.1:{identity.HttpPort}/";
    var auth = new Dictionary<string, string> { ["Auth__Authority"] = issuer, ["Auth__RequireHttpsMetadata"] = "false" };
    var projects = new Service("projects", repo, "services/projects", "Lmc.Projects", new Dictionary<string, string>(auth)
    {
        ["ConnectionStrings__projects"] = projectsDb,
        ["ConnectionStrings__rabbitmq"] = infra.RabbitUri,
        ["Database__MigrateOnStartup"] = "true",
    }, logDir);
    services.Add(projects);
    // The other services, idle in the background as deployed: measured for footprint and start-up.
    var others = new List<Service>();
    foreach (var (name, folder, assembly) in new[] { ("meetings", "services/meetings", "Lmc.Meetings"), ("health-surveillance", "services/health-surveillance", "Lmc.HealthSurveillance"), ("funding", "services/funding", "Lmc.Funding") })
    {
        var env = new Dictionary<string, string>(auth)
        {
            [$"ConnectionStrings__{name}"] = await infra.CreateDatabaseAsync(name.Replace('-', '_')),
            ["ConnectionStrings__rabbitmq"] = infra.RabbitUri,
            ["Database__MigrateOnStartup"] = "true",
            ["services__projects__grpc__0"] = projects.Grpc,
        };
        var service = new Service(name, repo, folder, assembly, env, logDir);
        services.Add(service);
        others.Add(service);
    }

    var gateway = new Service("gateway", repo, "gateway", "Lmc.Gateway", new Dictionary<string, string>(auth)
    {
        ["services__identity__http__0"] = identity.Http,
        ["services__identity__grpc__0"] = identity.Grpc,
        ["services__projects__http__0"] = projects.Http,
        ["services__projects__grpc__0"] = projects.Grpc,
        ["services__meetings__http__0"] = others[0].Http,
        ["services__meetings__grpc__0"] = others[0].Grpc,
        ["services__health-surveillance__http__0"] = others[1].Http,
        ["services__health-surveillance__grpc__0"] = others[1].Grpc,
        ["services__funding__http__0"] = others[2].Http,
        ["services__funding__grpc__0"] = others[2].Grpc,
        ["Gateway__RateLimit__TokenLimit"] = "1000000",
        ["Gateway__RateLimit__TokensPerPeriod"] = "1000000",
    }.WithExtra(Environment.GetEnvironmentVariable("BENCH_GATEWAY_ENV")), logDir);
    services.Add(gateway);
    var ready = await Task.WhenAll(services.Select(s => s.WaitReadyAsync()));
    var allReady = Stopwatch.GetElapsedTime(t0);
    Console.WriteLine($"   all healthy after {allReady.TotalSeconds:F1} s; idle 10 s");
    await Task.Delay(TimeSpan.FromSeconds(10));
    var footprint = services.Select((s, i) => new { service = s.Name, rssMb = Math.Round(s.RssMb(), 1), readySeconds = Math.Round(ready[i].TotalSeconds, 2) }).ToList();
    report["footprint"] = new { services = footprint, allHealthySeconds = Math.Round(allReady.TotalSeconds, 2) };
    foreach (var f in footprint) Console.WriteLine($"   {f.service}: {f.rssMb} MB, ready after {f.readySeconds} s");

    // A token and a project to read.
    using var http = new HttpClient();
    var tokenResponse = await http.PostAsync(identity.Http + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = "dev-th-secretariat", ["client_secret"] = "dev-th-secretariat-secret",
    }));
    tokenResponse.EnsureSuccessStatusCode();
    var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    var create = new HttpRequestMessage(HttpMethod.Post, gateway.Http + "/api/v1/projects")
    {
        Content = new StringContent("""
            {"leadCountry":"COUNTRY_TH","partnerCountries":["COUNTRY_LA"],"priorityArea":"PRIORITY_AREA_WATER_RESOURCES",
             "title":"Flood early warning, Nakhon Phanom - Thakhek","description":"Benchmark project.",
             "budget":{"currency":"USD","amount":"480000.00"},"plannedStartDate":"2026-03-01","plannedEndDate":"2027-02-28",
             "paragraphs":[47],"sectors":[{"dacCode":"14015","percentage":"100"}],"idempotencyKey":"bench-project"}
            """, Encoding.UTF8, "application/json"),
    };
    create.Headers.Authorization = new("Bearer", token);
    var created = await http.SendAsync(create);
    var createdBody = await created.Content.ReadAsStringAsync();
    if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"creating the project failed: {(int)created.StatusCode} {createdBody}");
    var projectId = FindString(JsonDocument.Parse(createdBody).RootElement, "projectId")
        ?? throw new InvalidOperationException("no projectId in " + createdBody);
    Console.WriteLine($"   project {projectId}");

    // 2. REST read: gateway vs nginx vs direct, rounds interleaved.
    Console.WriteLine("== REST GET /api/v1/projects/{id} (wrk)");
    nginx = new Nginx(projects.HttpPort, projects.GrpcPort);
    await nginx.WaitReadyAsync();
    var targets = new (string Name, string Url)[]
    {
        ("direct", $"{projects.Http}/api/v1/projects/{projectId}"),
        ("nginx", $"http://127.0.0.1:{nginx.Port}/api/v1/projects/{projectId}"),
        ("gateway", $"{gateway.Http}/api/v1/projects/{projectId}"),
    };
    foreach (var t in targets) await Rest.WrkAsync(t.Name, t.Url, token, quick ? 2 : 15, wrkConnections); // warm-up: tiered JIT and dynamic PGO settle over about 20 s
    var restRuns = new List<WrkResult>();
    for (var round = 0; round < wrkRounds; round++)
    {
        foreach (var t in round % 2 == 0 ? targets : targets.Reverse())
        {
            var r = await Rest.WrkAsync(t.Name, t.Url, token, wrkSeconds, wrkConnections);
            Console.WriteLine($"   {r.Target}: {r.RequestsPerSecond:F0} req/s p50 {r.P50Ms:F2} ms p99 {r.P99Ms:F2} ms errors {r.Errors}");
            restRuns.Add(r);
        }
    }

    var rest = targets.Select(t =>
    {
        var rs = restRuns.Where(r => r.Target == t.Name).ToList();
        return new WrkResult(t.Name, rs.Average(r => r.RequestsPerSecond), rs.Average(r => r.P50Ms), rs.Average(r => r.P99Ms), rs.Sum(r => r.Requests), rs.Sum(r => r.Errors));
    }).ToList();
    report["rest"] = new { connections = wrkConnections, threads = 2, seconds = wrkSeconds, rounds = wrkRounds, results = rest, runs = restRuns };

    // 3. gRPC unary.
    Console.WriteLine("== gRPC GetProject");
    var sequential = await GrpcBench.SequentialAsync(projects.Grpc, nginx.Grpc, gateway.Grpc, token, projectId, grpcIterations);
    Console.WriteLine($"   sequential: direct p50 {sequential.DirectP50:F3} nginx p50 {sequential.NginxP50:F3} gateway p50 {sequential.GatewayP50:F3}; added mean: gateway {sequential.AddedMean:F3} ms, nginx {sequential.NginxAddedMean:F3} ms");
    nginx.Dispose();
    nginx = null;
    var concurrent = new List<GrpcConcurrent>
    {
        await GrpcBench.ConcurrentAsync("direct", projects.Grpc, token, projectId, grpcStreams, grpcSeconds),
        await GrpcBench.ConcurrentAsync("gateway", gateway.Grpc, token, projectId, grpcStreams, grpcSeconds),
    };
    foreach (var c in concurrent) Console.WriteLine($"   {c.Target} x{c.Streams}: {c.CallsPerSecond:F0} calls/s p99 {c.P99Ms:F2} ms errors {c.Errors}");
    report["grpc"] = new { sequential, concurrent };
    if (args.Contains("--edge-only"))
    {
        // For tuning the gateway: start-up, REST and gRPC only, printed, no report written.
        return 0;
    }

    // 4. Events, with the services idle in the background as deployed.
    Console.WriteLine("== events");
    var raw = await Events.RawAsync(infra, eventsThroughput, eventsPaced);
    var platform = await Events.PlatformAsync(infra, eventsThroughput, eventsPaced);
    var events = raw.Concat(platform).ToList();
    foreach (var e in events) Console.WriteLine($"   {e.Pipeline} {e.Mode}: produced {e.ProducedPerSecond:F0}/s effects {e.EffectsPerSecond:F0}/s p50 {e.P50Ms:F2} p99 {e.P99Ms:F2} ms missing {e.Missing}");
    report["events"] = events;

    // Written now, so that a failure in the ingest part below does not lose it.
    Report.Write(resultsDir, report, footprint.Select(f => (f.service, f.rssMb, f.readySeconds)).ToList(), allReady.TotalSeconds, rest, sequential, concurrent, events, quick);

    // 5. Bulk ingest with detection (health-surveillance) against COPY, after the rest is stopped.
    foreach (var s in Enumerable.Reverse(services)) s.Dispose();
    services.Clear();
    Ingest.Write(resultsDir, await Ingest.RunAsync(infra, repo, logDir, quick), quick);
}
finally
{
    nginx?.Dispose();
    foreach (var s in Enumerable.Reverse(services)) s.Dispose();
}

return 0;

static string? FindString(JsonElement e, string name)
{
    if (e.ValueKind == JsonValueKind.Object)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name == name && p.Value.ValueKind == JsonValueKind.String) return p.Value.GetString();
            if (FindString(p.Value, name) is { } found) return found;
        }
    }

    return null;
}
