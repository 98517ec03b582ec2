using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Lmc.Testing;

namespace Lmc.EndToEnd.Tests;

/// <summary>One built service started as its own process, as `./lmc up` and a container run it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string name, Process process, int httpPort, int grpcPort)
    {
        Name = name;
        _process = process;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public string Name { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public Uri Http => new($"http://127.0.0.1:{HttpPort}");
    public Uri Grpc => new($"http://127.0.0.1:{GrpcPort}");
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>The clone the tests were built from, as the build recorded it.</summary>
    public static string RepoRoot => Built("RepoRoot");

    private static string Built(string key) =>
        typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Starts <c>&lt;folder&gt;/bin/&lt;configuration&gt;/net10.0/&lt;assembly&gt;.dll</c> (the folder relative to the repository, or absolute) and waits for /health/ready.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, string folder, string assembly, IDictionary<string, string> environment, (int Http, int Grpc)? ports = null)
    {
        var directory = Path.Combine(Built("RepoRoot"), folder, "bin", Built("Configuration"), "net10.0");
        var (http, grpc) = ports ?? (LoopbackPorts.Free(), LoopbackPorts.Free());
        var start = new ProcessStartInfo("dotnet", Path.Combine(directory, assembly + ".dll"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Ports__Http"] = http.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Ports__Grpc"] = grpc.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Ports__LoopbackOnly"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var service = new ServiceProcess(name, process, http, grpc);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(Http, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
