using System.Text.RegularExpressions;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Domain;

/// <summary>The JWG's own codes for nodes, links, corridors and crossings ("CN-KMG", "RAIL-KMG-MHN"): stable, unique.</summary>
public static partial class Codes
{
    public static string Check(string? code, string field, ValidationErrors errors)
    {
        var value = code?.Trim() ?? "";
        if (!Pattern().IsMatch(value))
        {
            errors.Add(field, "a code is 2 to 40 capital letters, digits and '-', starting with a letter (e.g. CN-KMG)");
        }

        return value;
    }

    public static string CheckName(string? name, string field, ValidationErrors errors, int max = 200)
    {
        var value = name?.Trim() ?? "";
        if (value.Length == 0)
        {
            errors.Add(field, "is required");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"is at most {max} characters");
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(field, "contains control characters");
        }

        return value;
    }

    public static string CheckCountry(string? code, string field, ValidationErrors errors)
    {
        if (!MemberCountries.IsMember(code))
        {
            errors.Add(field, "must be one of the six member countries (KH, CN, LA, MM, TH, VN)");
        }

        return code ?? "";
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,39}$")]
    private static partial Regex Pattern();
}
