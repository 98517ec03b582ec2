namespace Lmc.Subscriptions.Domain;

public enum DeliveryStatus
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}

/// <summary>
/// One event on its way to one subscription: retried with backoff until the receiver answers 2xx, or marked failed once
/// the retry window has passed. Deliveries of one aggregate to one subscription go in the order of the events'
/// arrival (<see cref="StoredEvent.Sequence"/>).
/// </summary>
public sealed class Delivery
{
    public const int ErrorMaxLength = 500;

    public Guid Id { get; init; }
    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public Guid AggregateId { get; init; }
    public string EventName { get; init; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While a sender holds it: another replica does not take it before then.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Why it was made: the event arrived, or a redelivery or replay asked for it.</summary>
    public string Reason { get; init; } = "";

    /// <summary>
    /// Its event's place in the log (<see cref="StoredEvent.Sequence"/>), copied by the database at insert (the event is
    /// often inserted in the same statement batch, its sequence not yet known here): the sender's order, on an index.
    /// </summary>
    public long EventSequence { get; private set; }

    public static Delivery For(Guid subscriptionId, StoredEvent stored, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubscriptionId = subscriptionId,
        EventId = stored.Id,
        AggregateId = stored.AggregateId,
        EventName = stored.Name,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
        Reason = reason,
    };

    public void Succeeded(DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        CompletedAt = now;
        LeasedUntil = null;
        LastError = null;
    }

    /// <summary>A failed attempt: the next one is scheduled, or, past the retry window, the delivery has failed.</summary>
    public void AttemptFailed(string error, RetrySchedule schedule, DateTimeOffset now, double jitter)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        LeasedUntil = null;
        if (now - CreatedAt >= schedule.GiveUpAfter)
        {
            Status = DeliveryStatus.Failed;
            CompletedAt = now;
            return;
        }

        NextAttemptAt = now + schedule.DelayAfter(Attempts, jitter);
    }
}

/// <summary>One try of a delivery: when, what the receiver answered and how long it took.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public int Number { get; init; }
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public string? Error { get; init; }
    public bool Succeeded { get; init; }
}

/// <summary>
/// Exponential backoff with jitter: the n-th retry waits about <c>first × 2^(n-1)</c>, at most <see cref="MaxDelay"/>,
/// scaled by a random factor in [0.5, 1.5) so that receivers coming back are not hit all at once; retries go on until
/// <see cref="GiveUpAfter"/> has passed since the event (24 hours by default).
/// </summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan GiveUpAfter)
{
    public TimeSpan DelayAfter(int attempts, double jitter)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Math.Clamp(jitter, 0, 1)));
    }
}
