namespace Lmc.BuildingBlocks.Messaging;

/// <summary>Consumer tuning (section <c>Messaging</c>); explicit so that load is predictable.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages RabbitMQ hands a consumer before it acknowledges any.</summary>
    public int PrefetchCount { get; set; } = 128;

    /// <summary>Messages consumed at once per receive endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; } = 32;

    /// <summary>Immediate retries (exponential, 100 ms .. 5 s) before a message is redelivered or faulted.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>
    /// Second-level retries after the immediate ones, minutes apart, through RabbitMQ's delayed
    /// message exchange. Needs the <c>rabbitmq_delayed_message_exchange</c> plugin on the broker
    /// (Debian's package lacks it, so it is off by default; the chart turns it on where the
    /// broker has it). Without it a message that still fails goes to its <c>_error</c> queue.
    /// </summary>
    public bool DelayedRedelivery { get; set; }

    public TimeSpan[] RedeliveryIntervals { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];
}
