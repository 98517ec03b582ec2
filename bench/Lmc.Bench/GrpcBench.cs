using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Lmc.Contracts.Projects.V1;

namespace Lmc.Bench;

public sealed record GrpcSequential(int Iterations, double DirectP50, double DirectP99, double DirectMean,
    double GatewayP50, double GatewayP99, double GatewayMean, double AddedP50, double AddedP99, double AddedMean);

public sealed record GrpcConcurrent(string Target, int Streams, double CallsPerSecond, double P50Ms, double P99Ms, long Calls, long Errors);

/// <summary>lmc.projects.v1.ProjectsService/GetProject with Grpc.Net.Client, through the gateway's h2c port and direct.</summary>
public static class GrpcBench
{
    private static GrpcChannel Channel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) },
    });

    /// <summary>One stream at a time, direct and gateway calls interleaved so both see the same noise.</summary>
    public static async Task<GrpcSequential> SequentialAsync(string direct, string gateway, string token, string projectId, int iterations)
    {
        using var directChannel = Channel(direct);
        using var gatewayChannel = Channel(gateway);
        var d = new ProjectsService.ProjectsServiceClient(directChannel);
        var g = new ProjectsService.ProjectsServiceClient(gatewayChannel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var request = new GetProjectRequest { ProjectId = projectId };
        for (var i = 0; i < Math.Max(200, iterations / 10); i++)
        {
            await d.GetProjectAsync(request, headers);
            await g.GetProjectAsync(request, headers);
        }

        var dl = new List<double>(iterations);
        var gl = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            // Alternate which goes first, so neither always follows the other.
            if ((i & 1) == 0)
            {
                dl.Add(await TimeAsync(d, request, headers));
                gl.Add(await TimeAsync(g, request, headers));
            }
            else
            {
                gl.Add(await TimeAsync(g, request, headers));
                dl.Add(await TimeAsync(d, request, headers));
            }
        }

        var ds = Stats.Summary(dl);
        var gs = Stats.Summary(gl);
        return new GrpcSequential(iterations, ds.P50, ds.P99, ds.Mean, gs.P50, gs.P99, gs.Mean, gs.P50 - ds.P50, gs.P99 - ds.P99, gs.Mean - ds.Mean);
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
