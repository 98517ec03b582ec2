using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// A JWT handler that remembers the tokens it has validated. A caller sends the same bearer token
/// with every request for its ten minutes, and checking its RS256 signature again each time was
/// the largest single cost of a request at the gateway (bench/README.md); the same check then
/// runs again in the service behind it. A token is immutable, so a second check of the same string
/// can only give the same answer, except for what changes with time: the token's expiry and the
/// issuer's keys. Entries therefore live until the token expires or the lifetime passes,
/// whichever is first, so a signing key withdrawn from the issuer stops being honoured within that
/// lifetime. Only successful validations are kept; refusals are checked in full every time. One
/// handler serves one authentication scheme, whose validation parameters do not change between
/// requests, so the token alone is the key.
/// </summary>
public sealed class CachingTokenHandler(TimeProvider time, TimeSpan lifetime, int capacity = 10_000) : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, Entry> _validated = new(StringComparer.Ordinal);
    private long _nextSweep;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (_validated.TryGetValue(token, out var entry))
        {
            if (now < entry.Until)
            {
                return entry.Copy();
            }

            _validated.TryRemove(new KeyValuePair<string, Entry>(token, entry));
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } securityToken && result.ClaimsIdentity is not null)
        {
            var until = now + lifetime;
            var expires = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
            if (securityToken.ValidTo != DateTime.MinValue && expires < until)
            {
                until = expires;
            }

            if (until > now && MakeRoom(now))
            {
                // A copy: the result returned now is this request's, and may be changed by it.
                _validated[token] = new Entry(result.ClaimsIdentity.Clone(), securityToken, result.Issuer, result.TokenType, until);
            }
        }

        return result;
    }

    /// <summary>
    /// Bounded: past capacity the stale entries go, and if none are stale nothing new is kept. The
    /// sweep runs at most every ten seconds, so a full cache of live tokens does not cost a scan
    /// per new caller.
    /// </summary>
    private bool MakeRoom(DateTimeOffset now)
    {
        if (_validated.Count < capacity)
        {
            return true;
        }

        var sweepDue = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < sweepDue || Interlocked.CompareExchange(ref _nextSweep, now.AddSeconds(10).UtcTicks, sweepDue) != sweepDue)
        {
            return false;
        }

        foreach (var (key, stale) in _validated)
        {
            if (stale.Until <= now)
            {
                _validated.TryRemove(new KeyValuePair<string, Entry>(key, stale));
            }
        }

        return _validated.Count < capacity;
    }

    private sealed record Entry(ClaimsIdentity Identity, SecurityToken Token, string Issuer, string TokenType, DateTimeOffset Until)
    {
        // Each request gets its own identity: a handler further on may add claims to it.
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
