using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Lmc.Testing;

/// <summary>
/// A database per name and one RabbitMQ vhost, created fresh for a fixture and dropped after it,
/// so test runs (and parallel fixtures) never see each other's rows or messages.
/// </summary>
public sealed class IsolatedInfrastructure : IAsyncDisposable
{
    private static readonly HttpClient Api = CreateApiClient();
    private readonly List<string> _databases = [];

    private IsolatedInfrastructure(string runId) => RunId = runId;

    public string RunId { get; }

    public string VirtualHost => "lmc-test-" + RunId;

    /// <summary>amqp:// URI of this run's own vhost.</summary>
    public string RabbitMqUri => new UriBuilder(TestEnvironment.RabbitMq) { Path = "/" + Uri.EscapeDataString(VirtualHost) }.Uri.ToString();

    public static async Task<IsolatedInfrastructure> CreateAsync()
    {
        var infrastructure = new IsolatedInfrastructure(Guid.NewGuid().ToString("N")[..12]);
        await infrastructure.CreateVirtualHostAsync();
        return infrastructure;
    }

    /// <summary>
    /// Creates an empty database for this run and returns its connection string; from <paramref name="template"/>
    /// when the service needs extensions only the superuser may create (ServiceManifest.DatabaseTemplate).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        var database = $"lmc_test_{name}_{RunId}";
        await using (var connection = new NpgsqlConnection(TestEnvironment.PostgresServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"{from}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _databases.Add(database);
        return $"{TestEnvironment.PostgresServer};Database={database};Include Error Detail=true";
    }

    /// <summary>
    /// Cuts the broker off for this vhost: refuses new connections and closes the open ones. The
    /// management API lists a connection only a few seconds after it opened, so this waits for
    /// the expected connections to show before closing them.
    /// </summary>
    public async Task StopBrokerAsync(int expectedConnections = 1)
    {
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await Api.PutAsJsonAsync($"api/vhost-limits/{vhost}/max-connections", new { value = 0 })).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var closed = 0;
        while (closed < expectedConnections && DateTime.UtcNow < deadline)
        {
            var connections = await Api.GetFromJsonAsync<List<ConnectionInfo>>($"api/vhosts/{vhost}/connections") ?? [];
            foreach (var connection in connections)
            {
                var response = await Api.DeleteAsync($"api/connections/{Uri.EscapeDataString(connection.Name)}");
                if (response.IsSuccessStatusCode)
                {
                    closed++;
                }
            }

            await Task.Delay(250);
        }

        if (closed < expectedConnections)
        {
            throw new TimeoutException($"Only {closed} of {expectedConnections} broker connection(s) of {VirtualHost} showed up to be closed.");
        }
    }

    public async Task StartBrokerAsync()
    {
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await Api.DeleteAsync($"api/vhost-limits/{vhost}/max-connections")).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(TestEnvironment.PostgresServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            foreach (var database in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        await Api.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(VirtualHost)}");
    }

    private async Task CreateVirtualHostAsync()
    {
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await Api.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(TestEnvironment.RabbitMq.UserInfo.Split(':')[0]);
        (await Api.PutAsJsonAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    private static HttpClient CreateApiClient()
    {
        var api = TestEnvironment.RabbitMqApi;
        var userInfo = Uri.UnescapeDataString(TestEnvironment.RabbitMq.UserInfo);
        var client = new HttpClient { BaseAddress = api };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
        return client;
    }

    private sealed record ConnectionInfo(string Name);
}
