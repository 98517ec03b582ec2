using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Lmc.Bench;

/// <summary>The bench's own databases and RabbitMQ vhost, created fresh and dropped at the end.</summary>
public sealed class Infra : IAsyncDisposable
{
    public static readonly string Postgres = Environment.GetEnvironmentVariable("LMC_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=lmc;Password=lmc";
    private static readonly Uri RabbitApi = new(Environment.GetEnvironmentVariable("LMC_BENCH_RABBITMQ_API") ?? "http://127.0.0.1:15672/");
    private readonly List<string> _databases = [];
    private readonly HttpClient _api;

    public Infra()
    {
        _api = new HttpClient { BaseAddress = RabbitApi };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("lmc:lmc")));
    }

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..10];
    public string VirtualHost => "lmc-bench-" + RunId;
    public string RabbitUri => $"amqp://lmc:lmc@127.0.0.1:5672/{Uri.EscapeDataString(VirtualHost)}";

    public async Task CreateVhostAsync()
    {
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await _api.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        (await _api.PutAsync($"api/permissions/{vhost}/lmc", new StringContent("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    /// <summary>An empty database; from <paramref name="template"/> for a service that needs extensions (its manifest's).</summary>
    /// <summary>The connection string of a database this run created, e.g. a service's (its manifest name, '-' as '_').</summary>
    public string DatabaseFor(string name) => $"{Postgres};Database={DatabaseName(name.Replace('-', '_'))}";

    private string DatabaseName(string name) => $"lmc_bench_{name}_{RunId}";

    public async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        var database = DatabaseName(name);
        await using var connection = new NpgsqlConnection(Postgres + ";Database=postgres");
        await connection.OpenAsync();
        var from = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"{from}", connection);
        await create.ExecuteNonQueryAsync();
        _databases.Add(database);
        return $"{Postgres};Database={database}";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var left = new List<string>();
        try
        {
            await using var connection = new NpgsqlConnection(Postgres + ";Database=postgres");
            await connection.OpenAsync();
            foreach (var database in _databases)
            {
                // An autovacuum worker (a superuser's backend, which this role may not terminate)
                // can hold a database that was just written; it finishes within seconds.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                        await drop.ExecuteNonQueryAsync();
                        break;
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }
                    catch (PostgresException)
                    {
                        left.Add(database);
                        break;
                    }
                }
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("bench: could not drop databases: " + e.Message);
        }

        if (left.Count > 0) Console.Error.WriteLine("bench: left behind: " + string.Join(", ", left));

        try { await _api.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(VirtualHost)}"); } catch { }
        _api.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A built service run as `dotnet &lt;dll&gt;`, as the end-to-end tests and a container run it.</summary>
public sealed class Service : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public Service(string name, string repo, string folder, string assembly, IDictionary<string, string> env, string logDir)
    {
        Name = name;
        HttpPort = Infra.FreePort();
        GrpcPort = Infra.FreePort();
        var dir = Path.Combine(repo, folder, "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", Path.Combine(dir, assembly + ".dll"))
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Ports__Http"] = HttpPort.ToString();
        start.Environment["Ports__Grpc"] = GrpcPort.ToString();
        start.Environment["Ports__LoopbackOnly"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v.Replace("{http}", HttpPort.ToString());
        }

        LogPath = Path.Combine(logDir, name + ".log");
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        Started = Stopwatch.GetTimestamp();
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + name);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public string LogPath { get; }
    public long Started { get; }
    public int Pid => _process.Id;
    public string Http => $"http://127.0.0.1:{HttpPort}";
    public string Grpc => $"http://127.0.0.1:{GrpcPort}";
    public TimeSpan? ReadyAfter { get; private set; }

    /// <summary>Polls /health/ready; returns the time from process start to the first 200.</summary>
    public async Task<TimeSpan> WaitReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {LogPath}");
            }

            try
            {
                if ((await client.GetAsync(Http + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    ReadyAfter = Stopwatch.GetElapsedTime(Started);
                    return ReadyAfter.Value;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{Name} was not ready within 90 s; see {LogPath}");
    }

    /// <summary>VmRSS of the process in MB, from /proc.</summary>
    public double RssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch { }

        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}

public static class EnvironmentExtensions
{
    /// <summary>Adds <c>K=V;K2=V2</c> (e.g. BENCH_GATEWAY_ENV="OTEL_SDK_DISABLED=true") to a process's environment, for what-if runs.</summary>
    public static Dictionary<string, string> WithExtra(this Dictionary<string, string> env, string? extra)
    {
        foreach (var pair in (extra ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = pair.IndexOf('=');
            if (at <= 0) throw new ArgumentException($"'{pair}' is not K=V");
            env[pair[..at]] = pair[(at + 1)..];
        }

        return env;
    }
}
