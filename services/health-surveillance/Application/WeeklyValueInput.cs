using System.Globalization;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.HealthSurveillance.Detection.Weeks;
using Lmc.HealthSurveillance.Domain;

namespace Lmc.HealthSurveillance.Application;

/// <summary>One reported week's value as it arrives (JSON, gRPC or a DHIS2 CSV row).</summary>
public sealed record WeeklyValueInput(string Disease, string Unit, int EpiYear, int EpiWeek, WeekSystem System, int Cases, int Deaths);

/// <summary>A value that passed validation, with what the ingest stores beside it.</summary>
public sealed record ValidatedValue(WeeklyValueInput Input, string Country, EpiWeek Week);

/// <summary>
/// Checks a batch before anything is written: known disease and unit, the caller's own country's
/// units only, a week that exists in that year and system, counts that make sense, no week twice.
/// Every problem is reported by its position in the batch (the first hundred), and the whole
/// batch is refused: nothing is half-written.
/// </summary>
public static class WeeklyValueValidation
{
    public const int MaxValuesPerBatch = 20_000;
    private const int MaxReportedProblems = 100;

    /// <summary>Weeks before this year are refused: a typo such as 1024 would stay in a series for good.</summary>
    public const int EarliestYear = 2000;

    public static IReadOnlyList<ValidatedValue> Validate(IReadOnlyList<WeeklyValueInput> values, Caller caller, ReferenceData reference, DateOnly today)
    {
        if (values.Count == 0)
        {
            throw new ValidationException("values", "at least one value is required");
        }

        if (values.Count > MaxValuesPerBatch)
        {
            throw new ValidationException("values", $"at most {MaxValuesPerBatch} values per batch; split it");
        }

        var errors = new ValidationErrors();
        var foreign = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, WeekSystem, int, int)>();
        var valid = new List<ValidatedValue>(values.Count);
        for (var i = 0; i < values.Count && errors.Count < MaxReportedProblems; i++)
        {
            var v = values[i];
            var at = $"values[{i.ToString(CultureInfo.InvariantCulture)}]";
            var unit = reference.Unit(v.Unit);
            if (reference.Disease(v.Disease) is null)
            {
                errors.Add(at + ".disease", ReferenceData.UnknownDisease(v.Disease));
            }

            if (unit is null)
            {
                errors.Add(at + ".unit", ReferenceData.UnknownUnit(v.Unit));
            }
            else if (unit.Country != caller.Country)
            {
                foreign.Add(unit.Code);
            }

            if (v.Cases < 0 || v.Deaths < 0 || v.Deaths > v.Cases)
            {
                errors.Add(at + ".cases", "cases and deaths must be 0 or more, and deaths at most cases");
            }

            var week = EpiWeeks.TryOf(v.EpiYear, v.EpiWeek, v.System, out var problem);
            if (problem is not null)
            {
                errors.Add(at + ".epi_week", problem);
            }

            if (week is { } reported && (reported.Year < EarliestYear || reported.Start > today))
            {
                errors.Add(at + ".epi_week", $"{reported} is {(reported.Year < EarliestYear ? $"before {EarliestYear}" : "a week that has not begun yet")}");
                week = null;
            }

            if (!seen.Add((v.Disease, v.Unit, v.System, v.EpiYear, v.EpiWeek)))
            {
                errors.Add(at, $"{v.Disease} in {v.Unit} for {v.EpiYear} week {v.EpiWeek} appears twice in the batch");
            }

            if (unit is not null && week is { } w)
            {
                valid.Add(new ValidatedValue(v, unit.Country, w));
            }
        }

        if (foreign.Count > 0)
        {
            throw new ForbiddenException($"A country reports only its own units; {caller.Country ?? "the caller"} may not report for {string.Join(", ", foreign.Take(10))}.");
        }

        errors.ThrowIfAny();
        return valid;
    }
}

/// <summary>An epi week a request names: the week, or why there is none (the week does not exist in that year and system).</summary>
public static class EpiWeeks
{
    public static EpiWeek? TryOf(int year, int week, WeekSystem system, out string? problem)
    {
        try
        {
            problem = null;
            return EpiWeek.Of(year, week, system);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The detection library's message, without .NET's "(Parameter 'week')" suffix.
            problem = e.Message.Split(" (Parameter", 2)[0];
            return null;
        }
    }

    /// <summary>The week, or the caller's error on <paramref name="field"/>.</summary>
    public static EpiWeek Require(int year, int week, WeekSystem system, string field = "epi_week") =>
        TryOf(year, week, system, out var problem) ?? throw new ValidationException(field, problem!);
}
