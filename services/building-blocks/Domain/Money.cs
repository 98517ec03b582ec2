using System.Globalization;

namespace Lmc.BuildingBlocks.Domain;

/// <summary>An amount in one currency (ISO 4217). Always both: IATI refuses money without a currency.</summary>
public sealed record Money(string Currency, decimal Amount)
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>An ISO 4217 code: three capital letters.</summary>
    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>Parses a decimal string amount; problems go to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static Money? TryParse(string? currency, string? amount, string field, ValidationErrors errors)
    {
        var ok = true;
        if (!IsCurrencyCode(currency))
        {
            errors.Add($"{field}.currency", "must be an ISO 4217 code of three capital letters, e.g. USD");
            ok = false;
        }

        if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add($"{field}.amount", "must be a decimal number such as 1250000.00");
            return null;
        }

        if (value <= 0 || value > MaxAmount)
        {
            errors.Add($"{field}.amount", $"must be above 0 and at most {MaxAmount:0}");
            ok = false;
        }
        else if (decimal.Round(value, 2) != value)
        {
            errors.Add($"{field}.amount", "must have at most two decimal places");
            ok = false;
        }

        return ok ? new Money(currency!, value) : null;
    }

    public string FormatAmount() => Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
