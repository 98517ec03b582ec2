using System.Globalization;

namespace Lmc.BuildingBlocks.Domain;

/// <summary>Instants and dates as the platform stores and writes them.</summary>
public static class Instants
{
    /// <summary>
    /// PostgreSQL keeps microseconds; truncating before use makes what a command returns equal
    /// to what a later read returns.
    /// </summary>
    public static DateTimeOffset ToMicroseconds(this DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % 10), instant.Offset);

    /// <summary>ISO 8601 calendar date, "2025-03-01": how every API and export writes a date.</summary>
    public static string ToIsoDate(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO calendar date from a request; a malformed one is the caller's error on that field.</summary>
    public static DateOnly ParseIsoDate(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValidationException(field, "must be an ISO date (yyyy-MM-dd)");

    /// <summary>
    /// Whether an ISO 8601 time ends in an offset (Z or ±hh:mm). A time without one is ambiguous by hours across a
    /// region of several zones: refused, not guessed.
    /// </summary>
    public static bool HasOffset(ReadOnlySpan<char> text) =>
        text.EndsWith("Z", StringComparison.OrdinalIgnoreCase)
        || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>
    /// Reads an ISO 8601 time with an offset from a request, as UTC (Npgsql writes timestamptz parameters in UTC
    /// only); a malformed one, or one without an offset, is the caller's error on that field.
    /// </summary>
    public static DateTimeOffset ParseWithOffset(string value, string field) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && HasOffset(value)
            ? instant.ToUniversalTime()
            : throw new ValidationException(
                field, $"'{value}' is not an ISO 8601 time with an offset, such as 2025-08-20T07:00:00+07:00");
}
