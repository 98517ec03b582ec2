using System.Security.Cryptography;
using Lmc.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Lmc.Identity.Signing;

/// <summary>
/// The signing keys, kept in the database so every replica signs with the same key and a restart
/// keeps them. Rotation makes a new key ahead of time (published, not yet signing), signs with it
/// once every service has had time to fetch it, and keeps the previous key published for tokens
/// it signed earlier.
/// </summary>
public sealed class SigningKeyRing(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<SigningKeyOptions> options,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions)
{
    // Any fixed number; advisory locks are per database.
    private const long RotationLock = 0x4C4D_435F_4B45;

    private volatile IReadOnlyList<RsaSecurityKey> _signingOrder = [];

    /// <summary>The key that signs first, then the others (published for verification).</summary>
    public IReadOnlyList<RsaSecurityKey> SigningOrder => _signingOrder;

    /// <summary>Makes a key when one is due, drops the oldest beyond those kept, and reloads.</summary>
    /// <returns>True when a new key was made.</returns>
    public async Task<bool> RotateIfDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var settings = options.Value;
        var now = time.GetUtcNow();
        var rotated = false;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Two replicas starting together must not both make a key.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RotationLock})", cancellationToken);
            var keys = await db.SigningKeys.OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
            if (keys.Count == 0 || now - keys[0].CreatedAt >= settings.RotationPeriod)
            {
                using var rsa = RSA.Create(2048);
                var key = new SigningKeyRecord
                {
                    KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(),
                    PrivateKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
                    CreatedAt = now,
                };
                db.SigningKeys.Add(key);
                keys.Insert(0, key);
                rotated = true;
            }

            db.SigningKeys.RemoveRange(keys.Skip(settings.KeysKept));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ReloadAsync(db, now, cancellationToken);
        return rotated;
    }

    private async Task ReloadAsync(IdentityDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        // The newest key old enough to be known everywhere signs; the very first key signs at once.
        var active = keys.FirstOrDefault(k => now - k.CreatedAt >= options.Value.ActivationDelay) ?? keys.LastOrDefault();
        var order = keys.OrderBy(k => k == active ? 0 : 1).Select(ToSecurityKey).ToList();

        var changed = order.Select(k => k.KeyId).SequenceEqual(_signingOrder.Select(k => k.KeyId)) is false;
        _signingOrder = order;
        if (changed)
        {
            // OpenIddict reads its options through IOptionsMonitor: rebuild them with the new keys.
            serverOptions.TryRemove(Options.DefaultName);
        }
    }

    private static RsaSecurityKey ToSecurityKey(SigningKeyRecord record)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(record.PrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = record.KeyId };
    }
}

/// <summary>Hands the ring's keys to OpenIddict each time its options are built.</summary>
internal sealed class SigningKeyServerOptions(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in ring.SigningOrder)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }
    }
}

/// <summary>Checks for a due rotation on every replica, and picks up keys another replica made.</summary>
internal sealed partial class SigningKeyRotation(SigningKeyRing ring, IOptions<SigningKeyOptions> options, TimeProvider time, ILogger<SigningKeyRotation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await ring.RotateIfDueAsync(stoppingToken))
                {
                    LogRotated(logger);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Made a new signing key; it signs after the activation delay")]
    private static partial void LogRotated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing-key rotation failed; the current keys stay in use")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
