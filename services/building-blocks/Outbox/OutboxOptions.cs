namespace Lmc.BuildingBlocks.Outbox;

/// <summary>Tuning of the outbox dispatcher (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows read and published per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Fallback poll, for rows written by another process (a wake-up covers this process's own commits).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before trying again when another replica holds the dispatch lock.</summary>
    public TimeSpan LockRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Wait after a failed publication (the broker is down) before trying again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for the broker's confirm of one message before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Published rows are kept this long for audit and re-publication, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
