using System.Security.Cryptography;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Lmc.BuildingBlocks.Idempotency;

/// <summary>
/// The result of a command sent with an idempotency key. The same key with the same request gives
/// the same result; the same key with a different request is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who may reuse the key: the operation and the caller, e.g. <c>propose-project:TH</c>.</summary>
    public required string Scope { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request, so a reused key with other content is caught.</summary>
    public required string RequestHash { get; init; }

    public required string ResultId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(200);
        builder.Property(r => r.Key).HasMaxLength(128);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ResultId).HasMaxLength(200);
    }
}

public static class IdempotencyExtensions
{
    public const int MaxKeyLength = 128;

    public static string Hash(ReadOnlySpan<byte> request) => Convert.ToHexString(SHA256.HashData(request));

    /// <summary>The earlier result for this key, or null when the key is new.</summary>
    public static async Task<string?> FindIdempotentResultAsync(
        this LmcDbContext db, string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        if (key.Length > MaxKeyLength)
        {
            throw new ValidationException("idempotency_key", $"must be at most {MaxKeyLength} characters");
        }

        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        return record.RequestHash == requestHash
            ? record.ResultId
            : throw new ConflictException($"The idempotency key '{key}' was already used for a different request.");
    }

    /// <summary>Records the result; saved with the change it belongs to.</summary>
    public static void RememberIdempotentResult(this LmcDbContext db, string scope, string key, string requestHash, string resultId) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = requestHash,
            ResultId = resultId,
            CreatedAt = DateTimeOffset.UtcNow,
        });

    /// <summary>True when the save broke the unique index or constraint named <paramref name="constraint"/>.</summary>
    public static bool IsUniqueViolationOf(this DbUpdateException exception, string constraint) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation && violation.ConstraintName == constraint;

    /// <summary>True when a concurrent request with the same key won the race to save.</summary>
    public static bool IsIdempotencyRace(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "idempotency_records" };
}
