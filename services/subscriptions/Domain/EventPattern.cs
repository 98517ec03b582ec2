using System.Text.RegularExpressions;

namespace Lmc.Subscriptions.Domain;

/// <summary>
/// An event name or a pattern of them: <c>*</c> stands for any run of characters, so <c>lmc.projects.*</c> is every
/// projects event of every version and <c>lmc.*.v1</c> every first version.
/// </summary>
public static partial class EventPattern
{
    public static bool IsWellFormed(string pattern) => Shape().IsMatch(pattern);

    public static bool Matches(string pattern, string eventName) =>
        pattern.Contains('*', StringComparison.Ordinal)
            ? Regex.IsMatch(eventName, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
                RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))
            : string.Equals(pattern, eventName, StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9*][a-z0-9.*-]{0,119}$")]
    private static partial Regex Shape();
}
