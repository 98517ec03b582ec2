using System.Collections.Concurrent;
using Lmc.Subscriptions.Data;
using Lmc.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Lmc.Subscriptions.Webhooks;

/// <summary>
/// Sends due deliveries. It leases them in the database (so replicas share the work and a crashed sender's lease runs
/// out), at most <see cref="WebhookOptions.MaxConcurrency"/> in flight and <see cref="WebhookOptions.MaxPerSubscription"/>
/// per subscription, so a slow or hanging receiver holds only its own slots; and it takes a delivery only when no
/// earlier event of the same aggregate is still pending for that subscription, so each aggregate's events arrive in
/// order. It wakes when the intake commits new deliveries, and polls for due retries.
/// </summary>
public sealed class DeliveryWorker(
    IServiceScopeFactory scopes, DeliveryWakeUp wakeUp, IOptions<WebhookOptions> options, TimeProvider time, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, int> _inFlight = new();
    private readonly ConcurrentDictionary<Guid, Task> _running = new();
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.Value;
            try
            {
                var free = settings.MaxConcurrency - _running.Count;
                var claimed = free > 0 ? await ClaimAsync(free, settings, stoppingToken) : [];
                foreach (var (delivery, subscription) in claimed)
                {
                    _inFlight.AddOrUpdate(subscription, 1, (_, n) => n + 1);
                    _running[delivery] = Task.Run(() => SendAsync(delivery, subscription, stoppingToken), CancellationToken.None);
                }

                await CleanUpAsync(settings, stoppingToken);
                if (claimed.Count > 0 && claimed.Count == free)
                {
                    // Full: wait for a slot, not for the poll.
                    await Task.WhenAny(_running.Values.Append(Task.Delay(settings.PollInterval, stoppingToken)));
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database away, a statement timed out: the sender must outlive it, and tries again after the poll.
                DeliveryLog.ClaimFailed(logger, e);
            }

            await wakeUp.WaitAsync(settings.PollInterval, stoppingToken);
        }

        await Task.WhenAll(_running.Values);
    }

    private async Task<List<(Guid Delivery, Guid Subscription)>> ClaimAsync(int limit, WebhookOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubscriptionsDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var busy = _inFlight.Where(p => p.Value > 0).ToArray();
        await using var command = new NpgsqlCommand(DeliverySql.Claim, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", now + settings.Timeout * 2 + TimeSpan.FromSeconds(5));
        command.Parameters.AddWithValue("per_subscription", settings.MaxPerSubscription);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.Add(new NpgsqlParameter("busy_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = busy.Select(p => p.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("busy_counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = busy.Select(p => p.Value).ToArray() });
        var claimed = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return claimed;
    }

    private async Task SendAsync(Guid deliveryId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var attempt = scope.ServiceProvider.GetRequiredService<DeliveryAttemptRunner>();
            await attempt.RunAsync(deliveryId, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The lease runs out and the delivery is tried again.
            DeliveryLog.AttemptCrashed(logger, deliveryId, e);
        }
        finally
        {
            if (_inFlight.AddOrUpdate(subscriptionId, 0, (_, n) => n - 1) <= 0)
            {
                _inFlight.TryRemove(new KeyValuePair<Guid, int>(subscriptionId, 0));
            }

            _running.TryRemove(deliveryId, out _);
            wakeUp.Wake();
        }
    }

    private async Task CleanUpAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubscriptionsDbContext>();
        var before = now - settings.EventRetention;
        // Their deliveries and attempts go with them (cascade).
        await db.StoredEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Wakes the sender when deliveries were committed or a slot came free; otherwise it polls.</summary>
public sealed class DeliveryWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => await _signal.WaitAsync(poll, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

internal static partial class DeliveryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming deliveries failed; trying again")]
    public static partial void ClaimFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed before its attempt was recorded; its lease will run out")]
    public static partial void AttemptCrashed(ILogger logger, Guid deliveryId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} was disabled: {Reason}")]
    public static partial void Disabled(ILogger logger, Guid subscriptionId, string reason);
}
