namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// How tokens are validated (section <c>Auth</c>). In production <see cref="Authority"/> names the
/// OIDC issuer (the identity service or any other): keys and issuer come from its discovery
/// document. Without an authority, a symmetric <see cref="DevelopmentSigningKey"/> validates the
/// tokens that <c>./lmc token</c> and the tests mint; it is refused outside Development and Testing.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }

    public string Audience { get; set; } = "lmc-platform";

    /// <summary>Expected issuer when validating with the development key.</summary>
    public string Issuer { get; set; } = "lmc-development";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How long a validated token is trusted without checking its signature again (never past its
    /// expiry); zero checks every request in full. Also the longest a withdrawn signing key is
    /// still honoured.
    /// </summary>
    public TimeSpan ValidatedTokenCache { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Base64 key of at least 32 bytes, for HS256 development tokens only.</summary>
    public string? DevelopmentSigningKey { get; set; }
}
