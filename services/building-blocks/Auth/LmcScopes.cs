using Lmc.BuildingBlocks.Hosting;

namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// OAuth scopes: one read and one write scope per service API (<c>projects:read</c>,
/// <c>projects:write</c>). An integrator gets only what it was granted; a write scope includes
/// reading. The identity service registers exactly these.
/// </summary>
public static class LmcScopes
{
    private static readonly Lazy<IReadOnlyList<string>> Names =
        new(() => ServiceManifests.FromRepository().Select(m => m.Name).ToList());

    /// <summary>
    /// The services whose APIs are scoped: one per manifest, copied beside every application by the
    /// building blocks (or found in the repository by a test), so a new service adds none here.
    /// </summary>
    public static IReadOnlyList<string> Services => Names.Value;

    public static string Read(string service) => service + ":read";

    public static string Write(string service) => service + ":write";

    public static IEnumerable<string> All => Services.SelectMany(s => new[] { Read(s), Write(s) });
}
