using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Lmc.Gateway.Edge;

/// <summary>
/// The state of every service behind the gateway: each cluster whose metadata names a
/// <c>Health</c> path is asked, on each of its destinations. Reported on /health; it does not
/// gate the gateway's own readiness, so one service down never takes the others' front door away.
/// </summary>
public sealed class DownstreamHealth(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string Tag = "downstream";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = clients.CreateClient(nameof(DownstreamHealth));
        var probes = proxy.GetClusters()
            .Where(c => c.Model.Config.Metadata?.ContainsKey("Health") == true)
            .SelectMany(c => c.Destinations.Values.Select(d => (Cluster: c.ClusterId, Url: new Uri(new Uri(d.Model.Config.Address), c.Model.Config.Metadata!["Health"]))))
            .Select(async probe =>
            {
                try
                {
                    using var response = await client.GetAsync(probe.Url, cancellationToken);
                    return (probe.Cluster, State: response.IsSuccessStatusCode ? "Healthy" : $"Unhealthy ({(int)response.StatusCode})");
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return (probe.Cluster, State: "Unreachable");
                }
            });
        var results = await Task.WhenAll(probes);
        var data = results.GroupBy(r => r.Cluster).ToDictionary(g => g.Key, g => (object)string.Join(", ", g.Select(r => r.State)));
        var down = results.Where(r => r.State != "Healthy").Select(r => r.Cluster).Distinct().ToList();
        return down.Count == 0
            ? HealthCheckResult.Healthy("Every service answers.", data)
            : HealthCheckResult.Degraded($"Not ready: {string.Join(", ", down)}.", data: data);
    }
}
