using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Testing;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Lmc.EndToEnd.Tests;

/// <summary>
/// Every service that has a manifest (services/&lt;name&gt;/service.json) and the gateway as processes, wired
/// the way the AppHost and the chart wire them: each gets its database and the broker if its manifest
/// says so, and the services it calls; tokens come from the issuing service and every other piece
/// validates them through its discovery document. A new service is started here without editing this file.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly Dictionary<string, ServiceProcess> _services = [];
    private string _issuerDatabase = null!;

    public IsolatedInfrastructure Infrastructure { get; private set; } = null!;
    public IReadOnlyList<ServiceManifest> Manifests { get; } = ServiceManifests.FromRepository();
    public ServiceProcess Gateway { get; private set; } = null!;
    public string Issuer { get; private set; } = null!;

    /// <summary>A running service by its manifest's name.</summary>
    public ServiceProcess Service(string name) => _services[name];

    public ServiceProcess Projects => Service("projects");

    public async Task InitializeAsync()
    {
        Infrastructure = await IsolatedInfrastructure.CreateAsync();
        var issuerPorts = (LoopbackPorts.Free(), LoopbackPorts.Free());
        Issuer = $"http://127.0.0.1:{issuerPorts.Item1}/";
        var auth = new Dictionary<string, string> { ["Auth__Authority"] = Issuer, ["Auth__RequireHttpsMetadata"] = "false" };

        // The issuer first, then each service after those it calls.
        var started = new HashSet<string>();
        foreach (var manifest in Manifests.OrderByDescending(m => m.IssuesTokens))
        {
            await StartAsync(manifest);
        }

        // Logical names resolved by service discovery, as Aspire and the chart set them.
        var routes = new Dictionary<string, string>(auth);
        foreach (var (name, process) in _services)
        {
            routes[$"services__{name}__http__0"] = process.Http.ToString();
            routes[$"services__{name}__grpc__0"] = process.Grpc.ToString();
        }

        Gateway = await ServiceProcess.StartAsync("gateway", "gateway", "Lmc.Gateway", routes);

        async Task StartAsync(ServiceManifest manifest)
        {
            if (!started.Add(manifest.Name))
            {
                return;
            }

            foreach (var called in manifest.Calls)
            {
                await StartAsync(Manifests.Single(m => m.Name == called));
            }

            var environment = new Dictionary<string, string>(auth);
            if (manifest.Database)
            {
                var database = await Infrastructure.CreateDatabaseAsync("e2e_" + manifest.Name.Replace('-', '_'), manifest.DatabaseTemplate);
                environment[$"ConnectionStrings__{manifest.Name}"] = database;
                environment["Database__MigrateOnStartup"] = "true";
                if (manifest.IssuesTokens)
                {
                    _issuerDatabase = database;
                }
            }

            if (manifest.Broker)
            {
                environment["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri;
            }

            if (manifest.IssuesTokens)
            {
                environment["Identity__Issuer"] = Issuer;
                environment["Identity__SeedDevelopmentClients"] = "true";
            }

            // A synchronous dependency (the fund asks projects whether a project is adopted), as the AppHost wires it.
            foreach (var called in manifest.Calls)
            {
                environment[$"services__{called}__grpc__0"] = _services[called].Grpc.ToString();
            }

            // The manifests read may be the copies beside this test; the service is built in its repository folder.
            _services[manifest.Name] = await ServiceProcess.StartAsync(
                manifest.Name, Path.Combine("services", manifest.Name), manifest.Project, environment, manifest.IssuesTokens ? issuerPorts : null);
        }
    }

    /// <summary>A token of a development client (dev-th-secretariat, dev-admin, ...), asked of the identity service through the gateway.</summary>
    public async Task<string> TokenAsync(string clientId, string? scope = null)
    {
        using var http = new HttpClient { BaseAddress = Gateway.Http };
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientId + "-secret",
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>The identity service's current signing key, read from its database: for forging tokens it would never issue.</summary>
    public async Task<SigningCredentials> IdentitySigningKeyAsync()
    {
        await using var connection = new NpgsqlConnection(_issuerDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT key_id, private_key FROM signing_keys ORDER BY created_at DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(reader.GetString(1)), out _);
        return new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = reader.GetString(0) }, SecurityAlgorithms.RsaSha256);
    }

    public async Task DisposeAsync()
    {
        // The gateway first, then the services in the reverse order of their start.
        foreach (var process in new[] { Gateway }.Concat(_services.Values.Reverse()))
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        await Infrastructure.DisposeAsync();
    }
}

/// <summary>One platform for every end-to-end class: starting its processes is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformGroup : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
