using Lmc.Subscriptions.Domain;

namespace Lmc.Subscriptions.Webhooks;

/// <summary>The <c>Subscriptions</c> section: how callbacks are checked, and how deliveries are sent and retried.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Subscriptions";

    /// <summary>Callbacks on loopback and private ranges: off in production; development and tests turn it on.</summary>
    public bool AllowPrivateCallbacks { get; set; }

    /// <summary>Plain-HTTP callbacks: off in production.</summary>
    public bool AllowHttpCallbacks { get; set; }

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a delivery is retried before it is marked failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failed attempts in a row (across its deliveries) after which a subscription is disabled; 0 never.</summary>
    public int DisableAfterFailures { get; set; } = 100;

    /// <summary>Deliveries in flight at once, in all.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Deliveries in flight at once to one subscription: a slow receiver holds no more than these.</summary>
    public int MaxPerSubscription { get; set; } = 4;

    /// <summary>How often the sender looks for due retries when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the previous secret keeps signing after a rotation, unless the request says otherwise.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan MaxSecretOverlap { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long events (and their deliveries' log) are kept for redelivery and replay.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The most deliveries one replay may queue.</summary>
    public int MaxReplay { get; set; } = 10_000;

    /// <summary>Where the chart puts the gateway's public address (from its ingress) for every service.</summary>
    public const string PlatformPublicUrl = "Platform:PublicUrl";

    /// <summary>
    /// The gateway's public address: each CloudEvent's dataschema points to the catalogue there. Unset, it is
    /// <see cref="PlatformPublicUrl"/>, then the local gateway's.
    /// </summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:8080/");

    public RetrySchedule Retry => new(FirstRetryDelay, MaxRetryDelay, GiveUpAfter);
}
