using Grpc.Core;
using Grpc.Net.Client;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Lmc.Testing;

/// <summary>
/// A service in-process, as its tests host it: environment Testing, its own database and RabbitMQ
/// vhost of the real servers (dropped afterwards), migrations at start, tokens signed with the
/// development key, every log line captured. Each service's factory names its database and adds
/// its own settings.
/// </summary>
public abstract class ServiceFactory<TProgram, TDbContext> : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
    where TDbContext : LmcDbContext
{
    private IsolatedInfrastructure _infrastructure = null!;

    /// <summary>The service's connection-string name ("projects", "health-surveillance").</summary>
    protected abstract string DatabaseName { get; }

    public string ConnectionString { get; private set; } = null!;

    public IsolatedInfrastructure Infrastructure => _infrastructure;

    /// <summary>The broker the service connects to: its own vhost of the shared node, unless a fixture brings its own node.</summary>
    public virtual string RabbitMqUri => _infrastructure.RabbitMqUri;

    public CapturedLogs Logs { get; } = new();

    /// <summary>The services it calls, faked, by manifest name: started first, stopped last.</summary>
    protected virtual IReadOnlyDictionary<string, IFakeService> Fakes { get; } = new Dictionary<string, IFakeService>();

    public virtual async Task InitializeAsync()
    {
        foreach (var fake in Fakes.Values)
        {
            await fake.StartAsync();
        }

        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        var template = ServiceManifests.FromRepository().FirstOrDefault(m => m.Name == DatabaseName)?.DatabaseTemplate;
        ConnectionString = await _infrastructure.CreateDatabaseAsync(DatabaseName.Replace('-', '_'), template);
        _ = Server; // start now: migrations run and the bus connects before the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infrastructure.DisposeAsync();
        foreach (var fake in Fakes.Values)
        {
            await fake.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{DatabaseName}", ConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", RabbitMqUri);
        builder.UseSetting("Auth:DevelopmentSigningKey", TestEnvironment.SigningKey);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        foreach (var (service, fake) in Fakes)
        {
            builder.UseSetting($"services:{service}:grpc:0", fake.Address.ToString());
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        // The host's start waits for the bus: every receive endpoint consuming, its exchanges declared and bound. Without
        // it a test's first event can reach an exchange the intake has not yet bound (NO_ROUTE), as it did in CI.
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        }));
    }

    /// <summary>A gRPC channel into the in-process service, for any of its clients.</summary>
    public GrpcChannel Channel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public HttpClient RestClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    public async Task<T> InDatabaseAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>The names of the events an aggregate put in the outbox, in order.</summary>
    public Task<List<string>> OutboxEventsOfAsync(Guid aggregateId) => InDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
        db.OutboxMessages.Where(m => m.AggregateId == aggregateId).OrderBy(m => m.Sequence).Select(m => m.EventName)));
}
