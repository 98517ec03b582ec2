using Grpc.Core;
using Grpc.Net.Client;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Messaging;
using MassTransit;
using Lmc.Projects.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lmc.Projects.Tests;

/// <summary>
/// The projects service in-process, on its own database and vhost of the real PostgreSQL and
/// RabbitMQ, with migrations applied at start as in a local run.
/// </summary>
public class ProjectsServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IsolatedInfrastructure _infrastructure = null!;
    private string _connectionString = null!;

    /// <summary>Everything the service logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    public virtual async Task InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _connectionString = await _infrastructure.CreateDatabaseAsync("projects");
        _ = Server; // start now: migrations run and the bus connects before the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:projects", _connectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", _infrastructure.RabbitMqUri);
        builder.UseSetting("Auth:DevelopmentSigningKey", TestEnvironment.SigningKey);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
    }

    public ProjectsService.ProjectsServiceClient GrpcClient() => new(Channel());

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

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public async Task<T> InDatabaseAsync<T>(Func<ProjectsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectsDbContext>());
    }

    /// <summary>
    /// Adopts projects the way the platform does: the meetings service's FMM decision, published
    /// on the broker and applied by the service's own consumer. Waits until it is applied.
    /// </summary>
    public async Task<Guid> AdoptThroughFmmAsync(int year, params string[] projectIds)
    {
        var decision = Guid.NewGuid();
        var ids = projectIds.Select(Guid.Parse).ToList();
        await Services.GetRequiredService<IBus>().Publish(new ProjectListAdopted(decision, "LMC/FMM.test", year, ids, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.Consumer == nameof(ProjectListAdoptedConsumer)
            && db.Projects.Where(p => ids.Contains(p.Id)).All(p => p.Status != Domain.ProjectStatus.Endorsed))), because: "the FMM's adoption to be applied");
        return decision;
    }

    public Task<List<string>> EventNamesOfAsync(string projectId) => InDatabaseAsync(db => db.OutboxMessages
        .Where(m => m.AggregateId == Guid.Parse(projectId))
        .OrderBy(m => m.Sequence)
        .Select(m => m.EventName)
        .ToListAsync());
}

[CollectionDefinition(Name)]
public sealed class ProjectsServiceGroup : ICollectionFixture<ProjectsServiceFactory>
{
    public const string Name = "projects service";
}
