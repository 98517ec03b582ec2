using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lmc.BuildingBlocks.Outbox;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ. It wakes when its own service commits outbox rows
/// (<see cref="OutboxWakeUp"/>) and polls as a fallback for rows other processes wrote. One
/// dispatcher works at a time across replicas (a transaction-scoped advisory lock; a dispatcher
/// that finds it taken tries again shortly), rows go out in insertion order, events of one
/// aggregate strictly one after another, and a row is marked published only after the broker
/// confirmed it.
/// A crash between confirm and mark re-publishes the row with the same MessageId: consumers'
/// inboxes absorb that. A broker outage leaves the rows in place until it is back.
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext> : BackgroundService
    where TDbContext : LmcDbContext
{
    private readonly IServiceScopeFactory scopes;
    private readonly IBusControl bus;
    private readonly IOptions<OutboxOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<OutboxDispatcher<TDbContext>> logger;

    public OutboxDispatcher(
        IServiceScopeFactory scopes, IBusControl bus, IOptions<OutboxOptions> options, TimeProvider time, OutboxWakeUp wakeUp,
        ILogger<OutboxDispatcher<TDbContext>> logger)
    {
        this.scopes = scopes;
        this.bus = bus;
        this.options = options;
        this.time = time;
        this.logger = logger;
        wakeUp.Register(typeof(TDbContext), Wake);
    }

    public static readonly ActivitySource ActivitySource = new("Lmc.Outbox");

    // Any fixed number works: each service has its own database, and advisory locks are per database.
    private const long LockKey = 0x4C4D_435F_4F42;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    // 1 while a wake-up is pending: the commits of many concurrent requests then cost one
    // interlocked exchange each, not a turn on the channel's lock (contended in the bench).
    private int _wakePending;

    /// <summary>Asks the dispatcher to look at the outbox now.</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;

        // Publishing before the bus has declared its topology would send the first events to
        // exchanges nobody is bound to yet.
        await WaitForBusAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Cleared before reading: a commit from now on wakes the dispatcher again, and one
                // before it is in the rows read next.
                Volatile.Write(ref _wakePending, 0);
                int dispatched;
                while ((dispatched = await DispatchBatchAsync(stoppingToken)) == settings.BatchSize)
                {
                    // A full batch: there may be more waiting.
                }

                if (dispatched == LockedElsewhere)
                {
                    // Another replica is publishing; it may not have seen our newest rows.
                    await DelayAsync(settings.LockRetryDelay, stoppingToken);
                    continue;
                }

                await CleanUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogDispatchFailed(logger, exception, settings.RetryDelay);
                await DelayAsync(settings.RetryDelay, stoppingToken);
                continue;
            }

            await WaitForWakeAsync(settings.PollInterval, stoppingToken);
        }
    }

    /// <summary>What <see cref="DispatchBatchAsync"/> returns when another replica holds the lock.</summary>
    public const int LockedElsewhere = -1;

    /// <summary>Publishes at most one batch; returns how many rows it read, or <see cref="LockedElsewhere"/>.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return LockedElsewhere;
        }

        // Read untracked and marked in one statement: change-tracking a hundred rows to write a
        // hundred UPDATEs cost more CPU than publishing them (profile in bench/README.md).
        var batch = await db.OutboxMessages
            .AsNoTracking()
            .Where(m => m.PublishedAt == null)
            .OrderBy(m => m.Sequence)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Aggregates are independent, so their streams go out in parallel; within one aggregate a
        // failed event stops the ones after it, keeping the order subscribers see.
        var outcomes = await Task.WhenAll(batch
            .GroupBy(m => m.AggregateId)
            .Select(stream => PublishInOrderAsync(stream, cancellationToken)));

        var published = outcomes.SelectMany(o => o.Published).ToList();
        if (published.Count > 0)
        {
            var now = time.GetUtcNow();
            await db.OutboxMessages
                .Where(m => published.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.PublishedAt, now), cancellationToken);
        }

        var failures = outcomes.Where(o => o.Failed is not null).ToList();
        foreach (var failure in failures)
        {
            var error = failure.Error!.Message.Length > 2000 ? failure.Error.Message[..2000] : failure.Error.Message;
            await db.OutboxMessages
                .Where(m => m.Id == failure.Failed!.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (failures.Count > 0)
        {
            throw new OutboxPublishException(failures[0].Error!);
        }

        return batch.Count;
    }

    /// <summary>What one aggregate's stream achieved: the rows the broker confirmed, and the one that failed, if any.</summary>
    private sealed record StreamOutcome(List<Guid> Published, OutboxMessage? Failed = null, Exception? Error = null);

    private async Task<StreamOutcome> PublishInOrderAsync(IEnumerable<OutboxMessage> stream, CancellationToken cancellationToken)
    {
        var published = new List<Guid>();
        foreach (var message in stream)
        {
            try
            {
                await PublishAsync(message, cancellationToken);
                published.Add(message.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new StreamOutcome(published, message, exception);
            }
        }

        return new StreamOutcome(published);
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!EventNames.TryGetType(message.EventName, out var type))
        {
            throw new InvalidOperationException($"Outbox row {message.Id} names an unknown event '{message.EventName}'.");
        }

        var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {message.Id} has an empty payload.");

        // Continue the trace of the request that made the change; MassTransit's send span and the
        // traceparent header it writes hang below this one.
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity($"outbox publish {message.EventName}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);

        // Bounded: a broker that accepts the connection but never confirms must not stall the batch forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.Id;
            context.Durable = true;
            context.Headers.Set(EventCatalogue.AggregateHeader, message.AggregateId.ToString());
        }), timeout.Token);
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var before = now - options.Value.Retention;
        await db.OutboxMessages.Where(m => m.PublishedAt != null && m.PublishedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task WaitForBusAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30)) == BusHealthStatus.Healthy)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not healthy yet; keep waiting.
            }
        }
    }

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up.
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying in {Delay}")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, TimeSpan delay);

}

/// <summary>Some rows of a batch could not be published; they stay in the outbox for the next try.</summary>
public sealed class OutboxPublishException(Exception inner) : Exception("Publishing from the outbox failed: " + inner.Message, inner);
