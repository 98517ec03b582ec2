using System.Globalization;
using System.Text;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;

namespace Lmc.Funding.Application;

/// <summary>What every money command checks the same way: its idempotency key, its request's fingerprint, its texts and dates.</summary>
internal static class MoneyCommand
{
    public static void RequireKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ValidationException("idempotency_key", "is required on every money command, so that a retry has one effect");
        }
    }

    /// <summary>A key belongs to its caller and operation: another caller's key never collides.</summary>
    public static string Scope(string operation, Caller caller) => $"{operation}:{caller.Subject}";

    /// <summary>The request's fingerprint, culture-free, amounts always with two decimals (100.5 and 100.50 are one request).</summary>
    public static string Hash(params object?[] parts) => IdempotencyExtensions.Hash(Encoding.UTF8.GetBytes(string.Join('|', parts.Select(p => p switch
    {
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly date => date.ToIsoDate(),
        IEnumerable<decimal> many => string.Join(',', many.Select(d => d.ToString("0.00", CultureInfo.InvariantCulture))),
        _ => Convert.ToString(p, CultureInfo.InvariantCulture),
    }))));

    /// <summary>A free text within its column's length (trimmed; null when blank).</summary>
    public static string? Text(string? value, string field, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw new ValidationException(field, "is required") : null;
        }

        return value.Length <= max ? value.Trim() : throw new ValidationException(field, $"at most {max} characters");
    }

    /// <summary>Money that has moved has a value date no later than today.</summary>
    public static DateOnly NotFuture(DateOnly date, DateTimeOffset now, string field) =>
        date <= DateOnly.FromDateTime(now.UtcDateTime)
            ? date
            : throw new ValidationException(field, "must not be in the future: money is recorded when it has moved");
}
