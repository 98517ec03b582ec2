using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lmc.Bench;

public sealed record WrkResult(string Target, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>wrk against one URL, and nginx as a plain reverse proxy to compare the gateway with.</summary>
public static partial class Rest
{
    public static async Task<WrkResult> WrkAsync(string target, string url, string token, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", "Authorization: Bearer " + token, url })
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var rps = double.Parse(RpsRegex().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(RequestsRegex().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonOkRegex().Match(output);
        var socketErrors = SocketErrorsRegex().Match(output);
        long errors = non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (socketErrors.Success)
        {
            errors += socketErrors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(target, rps, Latency(output, "50%"), Latency(output, "99%"), requests, errors);
    }

    private static double Latency(string output, string percentile)
    {
        var m = Regex.Match(output, @"^\s*" + Regex.Escape(percentile) + @"\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RpsRegex();

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex RequestsRegex();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonOkRegex();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")]
    private static partial Regex SocketErrorsRegex();
}

/// <summary>nginx from Debian's package as a plain reverse proxy (keep-alive upstream), non-daemon, own config in a temp dir.</summary>
public sealed class Nginx : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    /// <summary>A plain reverse proxy: HTTP/1.1 to <paramref name="upstreamPort"/>, and gRPC (h2c in and out) to <paramref name="grpcUpstreamPort"/>.</summary>
    public Nginx(int upstreamPort, int grpcUpstreamPort)
    {
        Port = Infra.FreePort();
        GrpcPort = Infra.FreePort();
        _dir = Directory.CreateTempSubdirectory("lmc-bench-nginx-").FullName;
        File.WriteAllText(Path.Combine(_dir, "nginx.conf"), $$"""
            worker_processes auto;
            daemon off;
            master_process on;
            pid {{_dir}}/nginx.pid;
            error_log {{_dir}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{_dir}}/body;
              proxy_temp_path {{_dir}}/proxy;
              fastcgi_temp_path {{_dir}}/fastcgi;
              uwsgi_temp_path {{_dir}}/uwsgi;
              scgi_temp_path {{_dir}}/scgi;
              upstream projects {
                server 127.0.0.1:{{upstreamPort}};
                keepalive 128;
              }
              server {
                listen 127.0.0.1:{{Port}};
                location / {
                  proxy_pass http://projects;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                }
              }
              upstream projects_grpc {
                server 127.0.0.1:{{grpcUpstreamPort}};
                keepalive 128;
              }
              server {
                listen 127.0.0.1:{{GrpcPort}} http2;
                location / {
                  grpc_pass grpc://projects_grpc;
                }
              }
            }
            """);
        var start = new ProcessStartInfo("nginx") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", _dir, "-c", Path.Combine(_dir, "nginx.conf") })
        {
            start.ArgumentList.Add(a);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
    }

    public int Port { get; }

    public int GrpcPort { get; }

    public string Grpc => $"http://127.0.0.1:{GrpcPort}";

    public async Task WaitReadyAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await _process.StandardError.ReadToEndAsync() + File.ReadAllText(Path.Combine(_dir, "error.log")));
            }

            try
            {
                using var c = new System.Net.Sockets.TcpClient();
                await c.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not listen");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch { }

        _process.Dispose();
        try { Directory.Delete(_dir, true); } catch { }
    }
}
