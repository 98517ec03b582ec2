using System.Security.Claims;
using Lmc.BuildingBlocks.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lmc.BuildingBlocks.Tests;

/// <summary>
/// The validated-token cache: a token checked once is trusted for the cache's lifetime or until it
/// expires, whichever is first; refusals and other tokens are checked in full. "Checked in full"
/// is made visible by swapping the signing key: a cached token still passes, a fresh check fails.
/// </summary>
public sealed class TokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(Enumerable.Repeat((byte)7, 32).ToArray()) { KeyId = "right" };
    private static readonly SymmetricSecurityKey OtherKey = new(Enumerable.Repeat((byte)9, 32).ToArray()) { KeyId = "right" };

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = "lmc-test",
        ValidAudience = "lmc-platform",
        IssuerSigningKey = key,
        ClockSkew = TimeSpan.Zero,
    };

    private static string Token(string subject, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "lmc-test",
        Audience = "lmc-platform",
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("lmc_country", "TH")]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = expires,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
    });

    private static (CachingTokenHandler Handler, FakeTimeProvider Time) Handler(int capacity = 100)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (new CachingTokenHandler(time, TimeSpan.FromMinutes(2), capacity) { MapInboundClaims = false }, time);
    }

    [Fact]
    public async Task A_validated_token_is_not_checked_again_until_the_cache_lifetime_has_passed()
    {
        var (handler, time) = Handler();
        var token = Token("dev-th-secretariat", DateTime.UtcNow.AddHours(1));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);

        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task A_token_is_trusted_from_the_cache_no_longer_than_until_it_expires()
    {
        var (handler, time) = Handler();
        var token = Token("dev-th-secretariat", DateTime.UtcNow.AddSeconds(30));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);

        time.Advance(TimeSpan.FromSeconds(31));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var (handler, _) = Handler();
        var token = Token("dev-th-secretariat", DateTime.UtcNow.AddHours(1));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(Token("dev-la-secretariat", DateTime.UtcNow.AddHours(1)), Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task Each_request_gets_its_own_copy_of_the_callers_identity()
    {
        var (handler, _) = Handler();
        var token = Token("dev-th-secretariat", DateTime.UtcNow.AddHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters(Key));
        first.ClaimsIdentity.AddClaim(new Claim("lmc_role", "admin"));
        var second = await handler.ValidateTokenAsync(token, Parameters(Key));
        var third = await handler.ValidateTokenAsync(token, Parameters(Key));

        Assert.Equal("dev-th-secretariat", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("TH", second.ClaimsIdentity.FindFirst("lmc_country")?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("lmc_role"));
        second.ClaimsIdentity.AddClaim(new Claim("lmc_role", "admin"));
        Assert.Null(third.ClaimsIdentity.FindFirst("lmc_role"));
    }

    [Fact]
    public async Task A_full_cache_checks_new_tokens_in_full_and_keeps_those_it_holds()
    {
        var (handler, _) = Handler(capacity: 2);
        var tokens = Enumerable.Range(0, 3).Select(i => Token($"client-{i}", DateTime.UtcNow.AddHours(1))).ToList();
        foreach (var t in tokens)
        {
            Assert.True((await handler.ValidateTokenAsync(t, Parameters(Key))).IsValid);
        }

        Assert.True((await handler.ValidateTokenAsync(tokens[0], Parameters(OtherKey))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(tokens[1], Parameters(OtherKey))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(tokens[2], Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task A_full_cache_makes_room_once_its_entries_are_stale()
    {
        var (handler, time) = Handler(capacity: 2);
        foreach (var subject in new[] { "client-a", "client-b" })
        {
            Assert.True((await handler.ValidateTokenAsync(Token(subject, DateTime.UtcNow.AddHours(1)), Parameters(Key))).IsValid);
        }

        time.Advance(TimeSpan.FromMinutes(3));
        var late = Token("client-c", DateTime.UtcNow.AddHours(1));
        Assert.True((await handler.ValidateTokenAsync(late, Parameters(Key))).IsValid);

        Assert.True((await handler.ValidateTokenAsync(late, Parameters(OtherKey))).IsValid);
    }
}
