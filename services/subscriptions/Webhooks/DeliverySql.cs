namespace Lmc.Subscriptions.Webhooks;

/// <summary>The sender's statements, in SQL where EF has no words for them (a lease taken under SKIP LOCKED).</summary>
internal static class DeliverySql
{
    /// <summary>
    /// Leases the due deliveries of active subscriptions, oldest event first: none whose subscription already has
    /// an earlier event of the same aggregate pending (order per aggregate), and per subscription no more than its
    /// slots left (@per_subscription less those this sender has in flight). Returns (delivery, subscription).
    /// </summary>
    public const string Claim = """
        WITH due AS (
            SELECT d.id, d.subscription_id, e.sequence,
                   row_number() OVER (PARTITION BY d.subscription_id ORDER BY e.sequence) AS rank
            FROM deliveries d
            JOIN stored_events e ON e.id = d.event_id
            JOIN subscriptions s ON s.id = d.subscription_id AND s.status = 'Active'
            WHERE d.status = 'Pending' AND d.next_attempt_at <= @now
              AND (d.leased_until IS NULL OR d.leased_until < @now)
              AND NOT EXISTS (
                  SELECT 1 FROM deliveries p JOIN stored_events pe ON pe.id = p.event_id
                  WHERE p.subscription_id = d.subscription_id AND p.aggregate_id = d.aggregate_id
                    AND p.status = 'Pending' AND pe.sequence < e.sequence)
        ),
        chosen AS (
            SELECT due.id FROM due
            LEFT JOIN unnest(@busy_ids, @busy_counts) AS busy(subscription_id, count) ON busy.subscription_id = due.subscription_id
            WHERE due.rank <= @per_subscription - coalesce(busy.count, 0)
            ORDER BY due.sequence
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
