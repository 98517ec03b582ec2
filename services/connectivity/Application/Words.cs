using System.Text.RegularExpressions;

namespace Lmc.Connectivity.Application;

/// <summary>Enum values as events and GeoJSON properties carry them: lower-case words joined by '-' ("under-construction").</summary>
public static partial class Words
{
    public static string Of<T>(T value) where T : struct, Enum => Boundary().Replace(value.ToString(), "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Boundary();
}
