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

    /// <summary>A free text within its column's length, trimmed first (null when blank).</summary>
    public static string? Text(string? value, string field, int max, bool required = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? throw new ValidationException(field, "is required") : null;
        }

        return text.Length <= max ? text : throw new ValidationException(field, $"at most {max} characters");
    }

    // The member countries' clocks run at UTC+7 and UTC+8: a date that is already today in Beijing
    // is not in the future, even while it is still yesterday in UTC.
    private static readonly TimeSpan EasternmostMember = TimeSpan.FromHours(8);

    /// <summary>The Special Fund was set up at the first Leaders' Meeting, Sanya, 23 March 2016: no money of it moved before.</summary>
    public static readonly DateOnly FundSetUp = new(2016, 3, 23);

    /// <summary>
    /// Money that has moved has a value date between the fund's setting up and today in the member
    /// countries. (A commitment's date is the floor of its grant's disbursements: 0001-01-01 would lift it.)
    /// </summary>
    public static DateOnly Moved(DateOnly date, DateTimeOffset now, string field) =>
        date > DateOnly.FromDateTime(now.ToOffset(EasternmostMember).DateTime)
            ? throw new ValidationException(field, "must not be in the future: money is recorded when it has moved")
            : date < FundSetUp
                ? throw new ValidationException(field, $"must not be before the Special Fund was set up ({FundSetUp.ToIsoDate()})")
                : date;
}
