namespace Lmc.Gateway.Edge;

/// <summary>The gateway's edge settings (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body forwarded; larger ones get 413 before reaching a service.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Origins allowed to call from a browser; none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>A token bucket per client (the token's subject; the address when there is no token).</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Burst: requests a client may make at once.</summary>
    public int TokenLimit { get; set; } = 200;

    /// <summary>Sustained rate: tokens added every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
