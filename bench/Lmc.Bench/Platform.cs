using System.Net.Http.Json;
using System.Text.Json;
using Lmc.BuildingBlocks.Hosting;

namespace Lmc.Bench;

/// <summary>Starts services from their manifests, as the end-to-end tests do: no list of services here.</summary>
public static class Platform
{
    /// <summary>What every service but the issuer is told of the issuer.</summary>
    public static Dictionary<string, string> Auth(Service identity) => new()
    {
        ["Auth__Authority"] = $"http://127.0.0.1:{identity.HttpPort}/",
        ["Auth__RequireHttpsMetadata"] = "false",
    };

    /// <summary>A token of a seeded development client (its secret is the identity seed's convention, id + "-secret").</summary>
    public static async Task<string> TokenAsync(HttpClient http, Service identity, string clientId)
    {
        var response = await http.PostAsync(identity.Http + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientId + "-secret",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// The token issuer first (its issuer names its own port, known only once chosen), then each service after the
    /// services it calls; each on a fresh database and the run's vhost, migrated at start. Added to
    /// <paramref name="services"/> as they start, so the caller stops them whatever happens.
    /// </summary>
    public static async Task<Dictionary<string, Service>> StartAsync(
        Infra infra, string repo, string logDir, IReadOnlyList<ServiceManifest> manifests, List<Service> services)
    {
        var started = new Dictionary<string, Service>();
        var issuer = manifests.Single(m => m.IssuesTokens);
        var identity = await StartAsync(infra, repo, logDir, issuer, new Dictionary<string, string>
        {
            ["Identity__Issuer"] = "http://127.0.0.1:{http}/",
            ["Identity__SeedDevelopmentClients"] = "true",
            ["Auth__Authority"] = "http://127.0.0.1:{http}/",
            ["Auth__RequireHttpsMetadata"] = "false",
        });
        services.Add(identity);
        started[issuer.Name] = identity;

        var pending = manifests.Where(m => m != issuer).ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(m => m.Calls.All(started.ContainsKey))
                ?? throw new InvalidOperationException($"{string.Join(", ", pending.Select(m => m.Name))} call services not started");
            var env = Auth(identity);
            foreach (var called in next.Calls)
            {
                env[$"services__{called}__http__0"] = started[called].Http;
                env[$"services__{called}__grpc__0"] = started[called].Grpc;
            }

            var service = await StartAsync(infra, repo, logDir, next, env);
            services.Add(service);
            started[next.Name] = service;
            pending.Remove(next);
        }

        return started;
    }

    private static async Task<Service> StartAsync(Infra infra, string repo, string logDir, ServiceManifest manifest, Dictionary<string, string> env)
    {
        if (manifest.Database) env[$"ConnectionStrings__{manifest.Name}"] = await infra.CreateDatabaseAsync(manifest.Name.Replace('-', '_'), manifest.DatabaseTemplate);
        if (manifest.Broker) env["ConnectionStrings__rabbitmq"] = infra.RabbitUri;
        env["Database__MigrateOnStartup"] = "true";
        return new Service(manifest.Name, repo, Path.GetRelativePath(repo, manifest.Directory), manifest.Project, env, logDir);
    }
}
