using Lmc.Subscriptions.Data;
using Lmc.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lmc.Subscriptions.Webhooks;

/// <summary>
/// One attempt of one leased delivery: send it, then record the attempt (status, latency, error), the delivery's new
/// state (delivered, retried later with backoff and jitter, or failed past the retry window) and the subscription's run
/// of failures, which disables it at the configured length.
/// </summary>
public sealed class DeliveryAttemptRunner(
    SubscriptionsDbContext db, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time, ILogger<DeliveryAttemptRunner> logger)
{
    public async Task RunAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: DeliveryStatus.Pending })
        {
            return;
        }

        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var stored = await db.StoredEvents.AsNoTracking().SingleAsync(e => e.Id == delivery.EventId, cancellationToken);
        var result = await sender.SendAsync(subscription, stored, cancellationToken);

        var now = time.GetUtcNow();
        var settings = options.Value;
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            DeliveryId = delivery.Id,
            Number = delivery.Attempts + 1,
            At = now,
            StatusCode = result.StatusCode,
            LatencyMs = (int)Math.Min(int.MaxValue, result.Latency.TotalMilliseconds),
            Error = result.Error is { Length: > Delivery.ErrorMaxLength } e ? e[..Delivery.ErrorMaxLength] : result.Error,
            Succeeded = result.Succeeded,
        });
        if (result.Succeeded)
        {
            delivery.Succeeded(now);
        }
        else
        {
            delivery.AttemptFailed(result.Error ?? "failed", settings.Retry, now, Random.Shared.NextDouble());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            await db.Database.ExecuteSqlRawAsync(DeliverySql.ResetFailures, [new Npgsql.NpgsqlParameter("id", subscription.Id)], cancellationToken);
        }
        else
        {
            var failures = await db.Database.SqlQueryRaw<int>(DeliverySql.CountFailure, new Npgsql.NpgsqlParameter("id", subscription.Id))
                .ToListAsync(cancellationToken);
            if (settings.DisableAfterFailures > 0 && failures.Single() >= settings.DisableAfterFailures)
            {
                var reason = $"{failures.Single()} delivery attempts in a row failed; the last: {result.Error}";
                await db.Database.ExecuteSqlRawAsync(DeliverySql.Disable,
                    [new Npgsql.NpgsqlParameter("id", subscription.Id), new Npgsql.NpgsqlParameter("reason", reason)], cancellationToken);
                DeliveryLog.Disabled(logger, subscription.Id, reason);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
