using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Inbox;
using Lmc.BuildingBlocks.Messaging;
using Lmc.BuildingBlocks.Outbox;
using Lmc.Projects.Contracts;
using Lmc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lmc.BuildingBlocks.Tests;

/// <summary>A thing the tests change, and the effects their consumer records.</summary>
public sealed class Widget
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
}

public sealed class Effect
{
    public long Id { get; set; }
    public Guid ProjectId { get; set; }
    public long Version { get; set; }
    public Guid MessageId { get; set; }

    /// <summary>The trace the consumer ran in, to check that the change's trace reaches it.</summary>
    public string? TraceId { get; set; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : LmcDbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<Effect> Effects => Set<Effect>();

    public static async Task<string> CreateSchemaAsync(IsolatedInfrastructure infrastructure, string name)
    {
        var connectionString = await infrastructure.CreateDatabaseAsync(name);
        await using var db = Open(connectionString);
        await db.Database.EnsureCreatedAsync();
        return connectionString;
    }

    public static TestDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseLmcNpgsql(connectionString).Options);
}

/// <summary>The consumer under test: records one effect per ProjectSubmitted, through the inbox.</summary>
public sealed class SubmittedEffects(TestDbContext db, ILogger<SubmittedEffects> logger)
    : InboxConsumer<ProjectSubmitted, TestDbContext>(db, logger)
{
    protected override Task HandleAsync(ProjectSubmitted message, ConsumeContext<ProjectSubmitted> context, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new Effect
        {
            ProjectId = message.ProjectId,
            Version = message.Version,
            MessageId = context.MessageId!.Value,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        });
        return Task.CompletedTask;
    }
}

/// <summary>The batch consumer under test: one effect per ProjectEndorsed, a batch per transaction.</summary>
public sealed class EndorsedEffects(TestDbContext db, ILogger<EndorsedEffects> logger)
    : BatchInboxConsumer<ProjectEndorsed, TestDbContext>(db, logger)
{
    protected override Task HandleAsync(ProjectEndorsed message, ConsumeContext<ProjectEndorsed> context, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new Effect { ProjectId = message.ProjectId, Version = message.Version, MessageId = context.MessageId!.Value });
        return Task.CompletedTask;
    }
}

public static class MessagingTestHost
{
    /// <summary>
    /// A host with the real building blocks: MassTransit on the run's vhost, the outbox dispatcher
    /// and the consumer. One message at a time, so arrival order is observable; the fallback poll
    /// is ten minutes, so anything published sooner was woken by the commit itself.
    /// </summary>
    public static IHost Build(string connectionString, IsolatedInfrastructure infrastructure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Lmc.OutboxTests",
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMqUri,
            ["Messaging:ConcurrentMessageLimit"] = "1",
            ["Messaging:PrefetchCount"] = "1",
            ["Messaging:RetryLimit"] = "1",
            ["Outbox:PollInterval"] = "00:10:00",
            ["Outbox:RetryDelay"] = "00:00:00.300",
            ["Outbox:PublishTimeout"] = "00:00:03",
            ["ConnectionStrings:outbox-tests"] = connectionString,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Registered as the services register theirs: pooled contexts, reused across scopes.
        builder.AddLmcDatabase<TestDbContext>("outbox-tests");
        builder.AddLmcMessaging<TestDbContext>(bus =>
        {
            bus.AddConsumer<SubmittedEffects>();
            // Its own endpoint may hold many messages (the bus's default here is one), so batches form.
            bus.AddConsumer<EndorsedEffects>(c => BatchInbox.Configure(c)).Endpoint(e =>
            {
                e.PrefetchCount = 100;
                e.ConcurrentMessageLimit = 100;
            });
        });
        return builder.Build();
    }

    /// <summary>Starts the host and waits until its receive endpoints are bound, so no test message goes to an unbound exchange.</summary>
    public static async Task StartAndWaitForBusAsync(this IHost host)
    {
        await host.StartAsync();
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        Assert.Equal(BusHealthStatus.Healthy, health);
    }

    public static ProjectSubmitted Submitted(Guid projectId, long version) =>
        new(projectId, "TH", "water-resources", version, DateTimeOffset.UtcNow);
}
