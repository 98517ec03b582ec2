using System.Text.RegularExpressions;

namespace Lmc.BuildingBlocks.Domain;

/// <summary>
/// Enum values as events, GeoJSON and CAP carry them: lower-case words joined by '-' ("under-construction",
/// "rapid-rise"), the same in every service.
/// </summary>
public static partial class Words
{
    public static string Of<T>(T value) where T : struct, Enum => Boundary().Replace(value.ToString(), "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Boundary();
}
