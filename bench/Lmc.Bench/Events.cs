using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Inbox;
using Lmc.BuildingBlocks.Messaging;
using Lmc.BuildingBlocks.Outbox;
using Lmc.Projects.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lmc.Bench;

public sealed record EventResult(string Pipeline, string Mode, int Events, double ProducedPerSecond, double EffectsPerSecond, double P50Ms, double P99Ms, double MeanMs, int Missing);

public sealed class BenchEffect
{
    public long Id { get; set; }
    public Guid ProjectId { get; set; }
    public long Version { get; set; }
}

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : LmcDbContext(options)
{
    public DbSet<BenchEffect> Effects => Set<BenchEffect>();
}

/// <summary>When each event was committed (or handed to the broker) and when its effect was committed.</summary>
public static class Clock
{
    public static readonly ConcurrentDictionary<Guid, long> Committed = new();
    public static readonly ConcurrentDictionary<Guid, long> Effected = new();

    public static void Reset()
    {
        Committed.Clear();
        Effected.Clear();
    }
}

/// <summary>The platform's idempotent consumer; the effect time is taken after the inbox transaction committed.</summary>
public sealed class BenchEffects(BenchDbContext db, ILogger<BenchEffects> logger)
    : InboxConsumer<ProjectSubmitted, BenchDbContext>(db, logger), IConsumer<ProjectSubmitted>
{
    async Task IConsumer<ProjectSubmitted>.Consume(ConsumeContext<ProjectSubmitted> context)
    {
        await Consume(context);
        Clock.Effected.TryAdd(context.Message.ProjectId, Stopwatch.GetTimestamp());
    }

    protected override Task HandleAsync(ProjectSubmitted message, ConsumeContext<ProjectSubmitted> context, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new BenchEffect { ProjectId = message.ProjectId, Version = message.Version });
        return Task.CompletedTask;
    }
}

/// <summary>The platform's batch inbox consumer (one transaction per batch); effect times taken after its commit.</summary>
public sealed class BenchBatchEffects(BenchDbContext db, ILogger<BenchBatchEffects> logger)
    : BatchInboxConsumer<ProjectSubmitted, BenchDbContext>(db, logger), IConsumer<Batch<ProjectSubmitted>>
{
    async Task IConsumer<Batch<ProjectSubmitted>>.Consume(ConsumeContext<Batch<ProjectSubmitted>> context)
    {
        await Consume(context);
        var now = Stopwatch.GetTimestamp();
        foreach (var message in context.Message)
        {
            Clock.Effected.TryAdd(message.Message.ProjectId, now);
        }
    }

    protected override Task HandleAsync(ProjectSubmitted message, ConsumeContext<ProjectSubmitted> context, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new BenchEffect { ProjectId = message.ProjectId, Version = message.Version });
        return Task.CompletedTask;
    }
}

public static class Events
{
    public static readonly int Producers = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PRODUCERS"), out var p) ? p : 8;

    /// <summary>Runs <paramref name="produce"/> for events 0..count-1, paced at <paramref name="rate"/>/s (0: as fast as possible) on a few producers.</summary>
    private static async Task<long> ProduceAsync(int count, int rate, Func<int, Task> produce)
    {
        var next = -1;
        var t0 = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(async _ =>
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (rate > 0)
                {
                    var due = t0 + (long)((double)i / rate * Stopwatch.Frequency);
                    var wait = due - Stopwatch.GetTimestamp();
                    if (wait > Stopwatch.Frequency / 1000)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
                    }

                    while (Stopwatch.GetTimestamp() < due) Thread.SpinWait(20);
                }

                await produce(i);
            }
        }));
        return t0;
    }

    private static async Task<EventResult> MeasureAsync(string pipeline, string mode, int count, int rate, Func<int, Guid, Task> produce)
    {
        Clock.Reset();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var t0 = await ProduceAsync(count, rate, i => produce(i, ids[i]));
        var produced = count / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (ids.Any(id => !Clock.Effected.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }

        var latencies = new List<double>(count);
        long last = t0;
        var missing = 0;
        foreach (var id in ids)
        {
            if (Clock.Effected.TryGetValue(id, out var e) && Clock.Committed.TryGetValue(id, out var c))
            {
                latencies.Add(Stats.Ms(e - c));
                last = Math.Max(last, e);
            }
            else
            {
                missing++;
            }
        }

        var s = Stats.Summary(latencies);
        var seconds = (double)(last - t0) / Stopwatch.Frequency;
        return new EventResult(pipeline, mode, count, produced, latencies.Count / seconds, s.P50, s.P99, s.Mean, missing);
    }

    /// <summary>Outbox (LmcDbContext.Publish, OutboxDispatcher) -> RabbitMQ (MassTransit) -> InboxConsumer, with the building blocks' default options.</summary>
    public static async Task<List<EventResult>> PlatformAsync(Infra infra, int throughputCount, IReadOnlyList<(int Rate, int Count)> paced)
    {
        // BENCH_CONSUMER=single measures the one-transaction-per-message InboxConsumer; the default
        // is the BatchInboxConsumer, which a high-volume event should use.
        var single = Environment.GetEnvironmentVariable("BENCH_CONSUMER") == "single";
        await using var producer = await Producer.CreateAsync(infra, bus =>
        {
            if (single)
            {
                bus.AddConsumer<BenchEffects>();
            }
            else
            {
                bus.AddConsumer<BenchBatchEffects>(c => BatchInbox.Configure(c));
            }
        });
        if (Environment.GetEnvironmentVariable("BENCH_PRODUCE_ONLY") == "1")
        {
            // The producers alone (host not started: no dispatcher, no consumer), twice, the second timed.
            await ProduceAsync(throughputCount, 0, i => producer.Produce(i, Guid.NewGuid()));
            var sw = Stopwatch.StartNew();
            await ProduceAsync(throughputCount, 0, i => producer.Produce(i, Guid.NewGuid()));
            Console.WriteLine($"produce only: {throughputCount / sw.Elapsed.TotalSeconds:F0}/s");
            return [];
        }

        await producer.StartAsync();
        return await RunAsync("platform", producer.Produce, throughputCount, paced);
    }

    /// <summary>A warm-up of 300, then <paramref name="throughputCount"/> as fast as the producers go, then each pace.</summary>
    public static async Task<List<EventResult>> RunAsync(string pipeline, Func<int, Guid, Task> produce, int throughputCount, IReadOnlyList<(int Rate, int Count)> paced)
    {
        var results = new List<EventResult>();
        await MeasureAsync(pipeline, "warm-up", 300, 0, produce);
        results.Add(await MeasureAsync(pipeline, "throughput", throughputCount, 0, produce));
        foreach (var (rate, count) in paced) results.Add(await MeasureAsync(pipeline, $"paced {rate}/s", count, rate, produce));
        return results;
    }

    /// <summary>RabbitMQ.Client 7: durable queue, persistent messages, publisher confirms awaited per message, manual acks.</summary>
    public static async Task<List<EventResult>> RawAsync(Infra infra, int throughputCount, IReadOnlyList<(int Rate, int Count)> paced)
    {
        var factory = new ConnectionFactory { Uri = new Uri(infra.RabbitUri) };
        await using var consumerConnection = await factory.CreateConnectionAsync("bench-raw-consumer");
        await using var publisherConnection = await factory.CreateConnectionAsync("bench-raw-publisher");
        await using var consumerChannel = await consumerConnection.CreateChannelAsync();
        const string queue = "bench-raw";
        await consumerChannel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumerChannel.BasicQosAsync(0, 32, false);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var message = JsonSerializer.Deserialize<ProjectSubmitted>(delivery.Body.Span)!;
            Clock.Effected.TryAdd(message.ProjectId, Stopwatch.GetTimestamp());
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var channels = new IChannel[Producers];
        for (var i = 0; i < Producers; i++)
        {
            channels[i] = await publisherConnection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        }

        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var pool = new ConcurrentBag<IChannel>(channels);

        async Task Produce(int i, Guid id)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new ProjectSubmitted(id, "TH", "water-resources", i, DateTimeOffset.UtcNow));
            // One channel per producer at a time; BasicPublishAsync returns once the broker confirmed.
            if (!pool.TryTake(out var channel)) throw new InvalidOperationException("no free channel");
            Clock.Committed[id] = Stopwatch.GetTimestamp();
            try
            {
                await channel.BasicPublishAsync("", queue, false, properties, body);
            }
            finally
            {
                pool.Add(channel);
            }
        }

        var results = await RunAsync("raw", Produce, throughputCount, paced);
        foreach (var c in channels) await c.DisposeAsync();
        return results;
    }
}

/// <summary>
/// The platform's producing side, in the driver's process: a small <c>LmcDbContext</c> registered with <c>AddLmcDatabase</c>
/// and <c>AddLmcMessaging</c> as every service registers its own (pooled contexts, the outbox's interceptors, the
/// dispatcher), and whatever consumers the measurement adds. <see cref="Produce"/> publishes one
/// <c>ProjectSubmitted</c> per transaction and notes when its commit returned.
/// </summary>
public sealed class Producer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IServiceScopeFactory _scopes;
    private bool _started;

    private Producer(IHost host)
    {
        _host = host;
        _scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
    }

    public static async Task<Producer> CreateAsync(Infra infra, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var connectionString = await infra.CreateDatabaseAsync("events_" + Guid.NewGuid().ToString("N")[..6]);
        await using (var db = new BenchDbContext(new DbContextOptionsBuilder<BenchDbContext>().UseLmcNpgsql(connectionString).Options))
        {
            await db.Database.EnsureCreatedAsync();
            // The services' migrations dropped the NOTIFY trigger (the dispatcher is woken in-process);
            // BENCH_NOTIFY_TRIGGER=1 adds it back to compare.
            if (Environment.GetEnvironmentVariable("BENCH_NOTIFY_TRIGGER") == "1") await db.Database.ExecuteSqlRawAsync(OutboxSql.WakeUpTriggerSql);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Lmc.Bench", EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = infra.RabbitUri,
            ["ConnectionStrings:events"] = connectionString,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLmcDatabase<BenchDbContext>("events");
        builder.AddLmcMessaging<BenchDbContext>(consumers);
        return new Producer(builder.Build());
    }

    public async Task StartAsync()
    {
        await _host.StartAsync();
        _started = true;
        var health = await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        if (health != BusHealthStatus.Healthy)
        {
            throw new InvalidOperationException($"The bench's bus is {health} after 30 s; is RabbitMQ up?");
        }
    }

    /// <summary>
    /// One event in one transaction, its DbContext from the host as a service takes it: with the interceptors that
    /// wake the outbox dispatcher at commit (a context built by hand would wait for the poll).
    /// </summary>
    public async Task Produce(int i, Guid id)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        db.Publish(new ProjectSubmitted(id, "TH", "water-resources", i, DateTimeOffset.UtcNow), id);
        await db.SaveChangesAsync();
        Clock.Committed[id] = Stopwatch.GetTimestamp();
    }

    public async ValueTask DisposeAsync()
    {
        if (_started) await _host.StopAsync();
        _host.Dispose();
    }
}
