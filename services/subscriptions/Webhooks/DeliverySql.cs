namespace Lmc.Subscriptions.Webhooks;

/// <summary>The sender's statements, in SQL where EF has no words for them (a lease taken under SKIP LOCKED).</summary>
internal static class DeliverySql
{
    /// <summary>
    /// Leases the due deliveries of active subscriptions, oldest event first: none whose subscription already has
    /// an earlier event of the same aggregate pending (order per aggregate), and per subscription no more than its
    /// slots left (@per_subscription less those this sender has in flight). Each subscription's pending deliveries
    /// are walked in order on an index and the walk stops at its slots, so a claim costs the same with a backlog
    /// of ten or of ten thousand. Returns (delivery, subscription).
    /// </summary>
    public const string Claim = """
        WITH chosen AS (
            SELECT next.id, next.event_sequence
            FROM subscriptions s
            LEFT JOIN unnest(@busy_ids, @busy_counts) AS busy(subscription_id, count) ON busy.subscription_id = s.id
            CROSS JOIN LATERAL (
                SELECT d.id, d.event_sequence FROM deliveries d
                WHERE d.subscription_id = s.id AND d.status = 'Pending' AND d.next_attempt_at <= @now
                  AND (d.leased_until IS NULL OR d.leased_until < @now)
                  AND NOT EXISTS (
                      SELECT 1 FROM deliveries p
                      WHERE p.subscription_id = d.subscription_id AND p.aggregate_id = d.aggregate_id
                        AND p.status = 'Pending' AND p.event_sequence < d.event_sequence)
                ORDER BY d.event_sequence
                LIMIT greatest(@per_subscription - coalesce(busy.count, 0), 0)
            ) next
            WHERE s.status = 'Active'
            ORDER BY next.event_sequence
            LIMIT @limit
        )
        UPDATE deliveries d SET leased_until = @lease
        FROM chosen
        WHERE d.id = chosen.id AND d.status = 'Pending' AND (d.leased_until IS NULL OR d.leased_until < @now)
        RETURNING d.id, d.subscription_id
        """;

    /// <summary>A failed attempt counted on its subscription, atomically (several of its deliveries may fail at once).</summary>
    public const string CountFailure =
        "UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = @id RETURNING consecutive_failures AS \"Value\"";

    public const string ResetFailures = "UPDATE subscriptions SET consecutive_failures = 0 WHERE id = @id AND consecutive_failures <> 0";

    /// <summary>Disables a subscription still active, with the reason; the version moves as for any change.</summary>
    public const string Disable =
        "UPDATE subscriptions SET status = 'Disabled', disabled_reason = @reason, version = version + 1 WHERE id = @id AND status = 'Active'";
}
