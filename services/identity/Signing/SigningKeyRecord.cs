namespace Lmc.Identity.Signing;

/// <summary>An RSA key that signs (while newest) and then verifies (while published) access tokens.</summary>
public sealed class SigningKeyRecord
{
    /// <summary>The JWK "kid".</summary>
    public required string KeyId { get; init; }

    /// <summary>PKCS#8, base64. Kept in the service's own database; a KMS is the production upgrade.</summary>
    public required string PrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
