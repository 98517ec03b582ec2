namespace Lmc.Identity.Signing;

/// <summary>Signing-key rotation (section <c>Identity:SigningKeys</c>).</summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Identity:SigningKeys";

    /// <summary>A new key is made when the newest one is this old.</summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A new key is published in the JWKS this long before it signs, so that every service has
    /// fetched it before the first token it signed arrives.
    /// </summary>
    public TimeSpan ActivationDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Keys kept and published: the next, the current and the previous one.</summary>
    public int KeysKept { get; set; } = 3;

    /// <summary>How often each replica looks for a due rotation and reloads the keys.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);
}
