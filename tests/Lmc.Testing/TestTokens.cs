using System.Security.Claims;
using Lmc.BuildingBlocks.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lmc.Testing;

/// <summary>Mints bearer tokens with the tests' development key, the way the identity service will.</summary>
public static class TestTokens
{
    public static string For(string? country, params string[] roles) => Mint(country, roles);

    /// <summary>gRPC call headers carrying a token.</summary>
    public static Grpc.Core.Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    /// <summary>The same token with one character of its payload changed: the signature no longer matches.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        var i = payload.Length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{new string(payload)}.{parts[2]}";
    }

    public static string Mint(
        string? country,
        IEnumerable<string> roles,
        string? subject = null,
        DateTime? expires = null,
        string issuer = TestEnvironment.Issuer,
        string audience = TestEnvironment.Audience,
        string signingKey = TestEnvironment.SigningKey,
        IEnumerable<string>? scopes = null,
        SigningCredentials? credentials = null)
    {
        var roleList = roles.ToList();
        var claims = new List<Claim> { new(LmcClaims.Subject, subject ?? $"test-{country ?? "platform"}-{string.Join('+', roleList)}") };
        if (country is not null)
        {
            claims.Add(new Claim(LmcClaims.Country, country));
        }

        claims.AddRange(roleList.Select(r => new Claim(LmcClaims.Role, r)));
        // Like the development clients: every scope unless the test says otherwise.
        claims.Add(new Claim(LmcClaims.Scope, string.Join(' ', scopes ?? LmcScopes.All)));
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry < now ? expiry.AddMinutes(-10) : now,
            NotBefore = expiry < now ? expiry.AddMinutes(-10) : now,
            Expires = expiry,
            SigningCredentials = credentials ?? new SigningCredentials(AuthExtensions.DevelopmentKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
