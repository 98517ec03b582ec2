using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Lmc.Contracts.Projects.V1;

namespace Lmc.Bench;

public sealed record GrpcSequential(int Iterations, double DirectP50, double DirectP99, double DirectMean,
    double GatewayP50, double GatewayP99, double GatewayMean, double AddedP50, double AddedP99, double AddedMean,
    double NginxP50, double NginxP99, double NginxMean, double NginxAddedP50, double NginxAddedMean);

public sealed record GrpcConcurrent(string Target, int Streams, double CallsPerSecond, double P50Ms, double P99Ms, long Calls, long Errors);

/// <summary>lmc.projects.v1.ProjectsService/GetProject with Grpc.Net.Client, through the gateway's h2c port and direct.</summary>
public static class GrpcBench
{
    private static GrpcChannel Channel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) },
    });

    /// <summary>
    /// One stream at a time, calls to the service directly, through nginx (grpc_pass, a plain proxy)
    /// and through the gateway interleaved, the order rotating, so all three see the same noise.
    /// </summary>
    public static async Task<GrpcSequential> SequentialAsync(string direct, string nginx, string gateway, string token, string projectId, int iterations)
    {
        using var directChannel = Channel(direct);
        using var nginxChannel = Channel(nginx);
        using var gatewayChannel = Channel(gateway);
        var clients = new[] { directChannel, nginxChannel, gatewayChannel }.Select(c => new ProjectsService.ProjectsServiceClient(c)).ToArray();
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var request = new GetProjectRequest { ProjectId = projectId };
        for (var i = 0; i < Math.Max(200, iterations / 10); i++)
        {
            foreach (var c in clients) await c.GetProjectAsync(request, headers);
        }

        var latencies = clients.Select(_ => new List<double>(iterations)).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < clients.Length; k++)
            {
                var target = (i + k) % clients.Length;
                latencies[target].Add(await TimeAsync(clients[target], request, headers));
            }
        }

        var ds = Stats.Summary(latencies[0]);
        var ns = Stats.Summary(latencies[1]);
        var gs = Stats.Summary(latencies[2]);
        return new GrpcSequential(iterations, ds.P50, ds.P99, ds.Mean, gs.P50, gs.P99, gs.Mean, gs.P50 - ds.P50, gs.P99 - ds.P99, gs.Mean - ds.Mean,
            ns.P50, ns.P99, ns.Mean, ns.P50 - ds.P50, ns.Mean - ds.Mean);
    }

    private static async Task<double> TimeAsync(ProjectsService.ProjectsServiceClient client, GetProjectRequest request, Metadata headers)
    {
        var t = Stopwatch.GetTimestamp();
        await client.GetProjectAsync(request, headers);
        return Stats.Ms(Stopwatch.GetTimestamp() - t);
    }

    /// <summary>Many concurrent streams on one channel for a fixed time.</summary>
    public static async Task<GrpcConcurrent> ConcurrentAsync(string target, string address, string token, string projectId, int streams, int seconds)
    {
        using var channel = Channel(address);
        var client = new ProjectsService.ProjectsServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var request = new GetProjectRequest { ProjectId = projectId };
        long errors = 0;
        await RunAsync(TimeSpan.FromSeconds(Math.Min(3, seconds)), null);
        errors = 0;
        var latencies = new List<double>[streams];
        for (var i = 0; i < streams; i++) latencies[i] = new List<double>(100_000);
        var started = Stopwatch.GetTimestamp();
        await RunAsync(TimeSpan.FromSeconds(seconds), latencies);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        var s = Stats.Summary(all);
        return new GrpcConcurrent(target, streams, all.Count / elapsed, s.P50, s.P99, all.Count, errors);

        async Task RunAsync(TimeSpan duration, List<double>[]? record)
        {
            var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, streams).Select(async w =>
            {
                await Task.Yield();
                while (Stopwatch.GetTimestamp() < end)
                {
                    var t = Stopwatch.GetTimestamp();
                    try
                    {
                        await client.GetProjectAsync(request, headers);
                        record?[w].Add(Stats.Ms(Stopwatch.GetTimestamp() - t));
                    }
                    catch (RpcException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }));
        }
    }
}
