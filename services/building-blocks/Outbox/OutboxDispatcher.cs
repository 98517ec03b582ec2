using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Lmc.BuildingBlocks.Data;
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

    /// <summary>Asks the dispatcher to look at the outbox now.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

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

        var batch = await db.OutboxMessages
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
        var failures = await Task.WhenAll(batch
            .GroupBy(m => m.AggregateId)
            .Select(stream => PublishInOrderAsync(stream, cancellationToken)));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var failure = failures.FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            throw new OutboxPublishException(failure);
        }

        return batch.Count;
    }

    private async Task<Exception?> PublishInOrderAsync(IEnumerable<OutboxMessage> stream, CancellationToken cancellationToken)
    {
        foreach (var message in stream)
        {
            try
            {
                await PublishAsync(message, cancellationToken);
                message.PublishedAt = time.GetUtcNow();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                return exception;
            }
        }

        return null;
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
