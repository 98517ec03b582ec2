using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain.Iati;

// The IATI 2.03 parts of a project, as value objects. Codes are IATI's: organisation role
// 1 funding, 2 accountable, 3 extending, 4 implementing; budget type 1 original, 2 revised;
// budget status 1 indicative, 2 committed; result type 1 output, 2 outcome, 3 impact; indicator
// measure 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative.

/// <summary>A share of an OECD DAC 5-digit sector (IATI sector vocabulary 1).</summary>
public sealed record SectorShare(string DacCode, decimal Percentage);

public sealed record ParticipatingOrganisation(string Name, string? Ref, int Role, string? Country);

public sealed record BudgetLine(int Type, int Status, DateOnly PeriodStart, DateOnly PeriodEnd, Money Value, DateOnly ValueDate);

public sealed record IndicatorPeriod(DateOnly PeriodStart, DateOnly PeriodEnd, decimal? Target, decimal? Actual);

public sealed record Indicator(string Title, int Measure, int? BaselineYear, decimal? BaselineValue, IReadOnlyList<IndicatorPeriod> Periods);

public sealed record Result(int Type, string Title, IReadOnlyList<Indicator> Indicators);

/// <summary>Raw input of the IATI parts, before any rule was checked.</summary>
public sealed record SectorInput(string? DacCode, string? Percentage);

public sealed record BudgetLineInput(int Type, int Status, string? PeriodStart, string? PeriodEnd, string? Currency, string? Amount, string? ValueDate);

public sealed record IndicatorPeriodInput(string? PeriodStart, string? PeriodEnd, string? Target, string? Actual);

public sealed record IndicatorInput(string? Title, int Measure, int BaselineYear, string? BaselineValue, IReadOnlyList<IndicatorPeriodInput> Periods);

public sealed record ResultInput(int Type, string? Title, IReadOnlyList<IndicatorInput> Indicators);

/// <summary>
/// The checks IATI's own validator makes, applied on entry so that the export is always clean:
/// known sector codes with percentages summing to 100, money always with a currency and a value
/// date, budget periods of at most a year, codes from the IATI code lists.
/// </summary>
public static class IatiRules
{
    /// <summary>The OECD DAC 3-digit sector categories; a 5-digit code must fall under one.</summary>
    private static readonly HashSet<string> DacCategories =
    [
        "111", "112", "113", "114", "121", "122", "123", "130", "140", "151", "152", "160", "210", "220", "230", "231", "232",
        "233", "234", "235", "236", "240", "250", "311", "312", "313", "321", "322", "323", "331", "332", "410", "430", "510", "520", "530", "600", "720",
        "730", "740", "910", "930", "998",
    ];

    public static IReadOnlyList<SectorShare> Sectors(IReadOnlyList<SectorInput> inputs, ValidationErrors errors)
    {
        var shares = new List<SectorShare>();
        if (inputs.Count == 0)
        {
            errors.Add("sectors", "at least one OECD DAC 5-digit sector is needed");
            return shares;
        }

        foreach (var input in inputs)
        {
            var code = input.DacCode?.Trim() ?? "";
            if (code.Length != 5 || !code.All(char.IsAsciiDigit) || !DacCategories.Contains(code[..3]))
            {
                errors.Add("sectors", $"'{code}' is not an OECD DAC 5-digit sector code");
                continue;
            }

            if (!decimal.TryParse(input.Percentage, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percentage)
                || percentage <= 0 || percentage > 100 || decimal.Round(percentage, 2) != percentage)
            {
                errors.Add("sectors", $"the percentage of {code} must be above 0, at most 100, with at most two decimals");
                continue;
            }

            if (shares.Any(s => s.DacCode == code))
            {
                errors.Add("sectors", $"{code} is listed twice");
                continue;
            }

            shares.Add(new SectorShare(code, percentage));
        }

        if (shares.Count == inputs.Count && shares.Sum(s => s.Percentage) != 100m)
        {
            errors.Add("sectors", $"the percentages must sum to 100, not {shares.Sum(s => s.Percentage).ToString(CultureInfo.InvariantCulture)}");
        }

        return shares;
    }

    public static IReadOnlyList<ParticipatingOrganisation> Organisations(IEnumerable<ParticipatingOrganisation> inputs, ValidationErrors errors)
    {
        var organisations = new List<ParticipatingOrganisation>();
        foreach (var organisation in inputs)
        {
            var name = organisation.Name.Trim();
            if (name.Length is < 2 or > 300)
            {
                errors.Add("participating_organisations", "each organisation needs a name of 2 to 300 characters");
            }
            else if (organisation.Role is < 1 or > 4)
            {
                errors.Add("participating_organisations", $"the role of {name} must be 1 funding, 2 accountable, 3 extending or 4 implementing");
            }
            else if (organisation.Country is not null && !MemberCountries.IsMember(organisation.Country))
            {
                errors.Add("participating_organisations", $"the country of {name} must be a member country");
            }
            else
            {
                organisations.Add(organisation with { Name = name, Ref = string.IsNullOrWhiteSpace(organisation.Ref) ? null : organisation.Ref.Trim() });
            }
        }

        return organisations;
    }

    public static BudgetLine? Budget(BudgetLineInput input, string field, ValidationErrors errors)
    {
        var count = errors.Count;
        if (input.Type is not (1 or 2))
        {
            errors.Add($"{field}.type", "must be 1 original or 2 revised");
        }

        if (input.Status is not (1 or 2))
        {
            errors.Add($"{field}.status", "must be 1 indicative or 2 committed");
        }

        var value = Money.TryParse(input.Currency, input.Amount, $"{field}.value", errors);
        var start = Date(input.PeriodStart, $"{field}.period_start", errors);
        var end = Date(input.PeriodEnd, $"{field}.period_end", errors);
        var valueDate = Date(input.ValueDate, $"{field}.value_date", errors);
        if (start is { } s && end is { } e && (e < s || e > s.AddYears(1).AddDays(-1)))
        {
            errors.Add($"{field}.period_end", "a budget period ends on or after its start and lasts at most a year");
        }

        return errors.Count == count ? new BudgetLine(input.Type, input.Status, start!.Value, end!.Value, value!, valueDate!.Value) : null;
    }

    public static IReadOnlyList<Result> Results(IReadOnlyList<ResultInput> inputs, ValidationErrors errors)
    {
        var results = new List<Result>();
        foreach (var (input, i) in inputs.Select((r, i) => (r, i)))
        {
            var field = $"results[{i}]";
            if (input.Type is < 1 or > 3)
            {
                errors.Add($"{field}.type", "must be 1 output, 2 outcome or 3 impact");
            }

            if (string.IsNullOrWhiteSpace(input.Title))
            {
                errors.Add($"{field}.title", "is required");
            }

            var indicators = new List<Indicator>();
            foreach (var (indicator, j) in input.Indicators.Select((x, j) => (x, j)))
            {
                var at = $"{field}.indicators[{j}]";
                if (string.IsNullOrWhiteSpace(indicator.Title))
                {
                    errors.Add($"{at}.title", "is required");
                }

                if (indicator.Measure is < 1 or > 5)
                {
                    errors.Add($"{at}.measure", "must be 1 unit, 2 percentage, 3 nominal, 4 ordinal or 5 qualitative");
                }

                var periods = indicator.Periods.Select((p, k) => new IndicatorPeriod(
                    Date(p.PeriodStart, $"{at}.periods[{k}].period_start", errors) ?? default,
                    Date(p.PeriodEnd, $"{at}.periods[{k}].period_end", errors) ?? default,
                    Number(p.Target, $"{at}.periods[{k}].target", errors),
                    Number(p.Actual, $"{at}.periods[{k}].actual", errors))).ToList();
                indicators.Add(new Indicator(
                    indicator.Title?.Trim() ?? "",
                    indicator.Measure,
                    indicator.BaselineYear == 0 ? null : indicator.BaselineYear,
                    Number(indicator.BaselineValue, $"{at}.baseline_value", errors),
                    periods));
            }

            results.Add(new Result(input.Type, input.Title?.Trim() ?? "", indicators));
        }

        return results;
    }

    public static DateOnly? Date(string? value, string field, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        errors.Add(field, "must be a date between 2000 and 2100 written as YYYY-MM-DD");
        return null;
    }

    private static decimal? Number(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(field, "must be a number");
        return null;
    }

}
