using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Lmc.Testing;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Lmc.EndToEnd.Tests;

/// <summary>
/// The identity, projects, meetings, health-surveillance and funding services and the gateway as processes, wired the way the
/// AppHost and the chart wire them: tokens come from the identity service and every other piece
/// validates them through its discovery document.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private string _identityDatabase = null!;

    public IsolatedInfrastructure Infrastructure { get; private set; } = null!;
    public ServiceProcess Identity { get; private set; } = null!;
    public ServiceProcess Projects { get; private set; } = null!;
    public ServiceProcess Meetings { get; private set; } = null!;
    public ServiceProcess Surveillance { get; private set; } = null!;
    public ServiceProcess Funding { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public string Issuer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await IsolatedInfrastructure.CreateAsync();
        var identityPorts = (ServiceProcess.FreePort(), ServiceProcess.FreePort());
        Issuer = $"http://127.0.0.1:{identityPorts.Item1}/";
        var auth = new Dictionary<string, string> { ["Auth__Authority"] = Issuer, ["Auth__RequireHttpsMetadata"] = "false" };

        _identityDatabase = await Infrastructure.CreateDatabaseAsync("e2e_identity");
        Identity = await ServiceProcess.StartAsync("identity", "services/identity", "Lmc.Identity", new Dictionary<string, string>(auth)
        {
            ["ConnectionStrings__identity"] = _identityDatabase,
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri,
            ["Database__MigrateOnStartup"] = "true",
            ["Identity__Issuer"] = Issuer,
            ["Identity__SeedDevelopmentClients"] = "true",
        }, identityPorts);

        Projects = await ServiceProcess.StartAsync("projects", "services/projects", "Lmc.Projects", new Dictionary<string, string>(auth)
        {
            ["ConnectionStrings__projects"] = await Infrastructure.CreateDatabaseAsync("e2e_projects"),
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri,
            ["Database__MigrateOnStartup"] = "true",
        });

        Meetings = await ServiceProcess.StartAsync("meetings", "services/meetings", "Lmc.Meetings", new Dictionary<string, string>(auth)
        {
            ["ConnectionStrings__meetings"] = await Infrastructure.CreateDatabaseAsync("e2e_meetings"),
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri,
            ["Database__MigrateOnStartup"] = "true",
        });

        Surveillance = await ServiceProcess.StartAsync("health-surveillance", "services/health-surveillance", "Lmc.HealthSurveillance", new Dictionary<string, string>(auth)
        {
            ["ConnectionStrings__health-surveillance"] = await Infrastructure.CreateDatabaseAsync("e2e_surveillance"),
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri,
            ["Database__MigrateOnStartup"] = "true",
        });

        // The fund asks projects over gRPC whether a project is adopted, as the AppHost wires it.
        Funding = await ServiceProcess.StartAsync("funding", "services/funding", "Lmc.Funding", new Dictionary<string, string>(auth)
        {
            ["ConnectionStrings__funding"] = await Infrastructure.CreateDatabaseAsync("e2e_funding"),
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri,
            ["Database__MigrateOnStartup"] = "true",
            ["services__projects__grpc__0"] = Projects.Grpc.ToString(),
        });

        Gateway = await ServiceProcess.StartAsync("gateway", "gateway", "Lmc.Gateway", new Dictionary<string, string>(auth)
        {
            // Logical names resolved by service discovery, as Aspire and the chart set them.
            ["services__identity__http__0"] = Identity.Http.ToString(),
            ["services__identity__grpc__0"] = Identity.Grpc.ToString(),
            ["services__projects__http__0"] = Projects.Http.ToString(),
            ["services__projects__grpc__0"] = Projects.Grpc.ToString(),
            ["services__meetings__http__0"] = Meetings.Http.ToString(),
            ["services__meetings__grpc__0"] = Meetings.Grpc.ToString(),
            ["services__health-surveillance__http__0"] = Surveillance.Http.ToString(),
            ["services__health-surveillance__grpc__0"] = Surveillance.Grpc.ToString(),
            ["services__funding__http__0"] = Funding.Http.ToString(),
            ["services__funding__grpc__0"] = Funding.Grpc.ToString(),
        });
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
        await using var connection = new NpgsqlConnection(_identityDatabase);
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
        foreach (var process in new[] { Gateway, Funding, Surveillance, Meetings, Projects, Identity })
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
