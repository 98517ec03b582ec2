using Lmc.BuildingBlocks.Hosting;

namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// OAuth scopes: one read and one write scope per service API (<c>projects:read</c>,
/// <c>projects:write</c>). An integrator gets only what it was granted; a write scope includes
/// reading. The identity service registers exactly these.
/// </summary>
public static class LmcScopes
{
    private static readonly Lazy<IReadOnlyList<ServiceManifest>> Manifests = new(ServiceManifests.FromRepository);

    private static readonly Lazy<IReadOnlyList<string>> Names = new(() => Manifests.Value.Select(m => m.Name).ToList());

    /// <summary>
    /// The services whose APIs are scoped: one per manifest, copied beside every application by the
    /// building blocks (or found in the repository by a test), so a new service adds none here.
    /// </summary>
    public static IReadOnlyList<string> Services => Names.Value;

    public static string Read(string service) => service + ":read";

    public static string Write(string service) => service + ":write";

    public static IEnumerable<string> All => Services.SelectMany(s => new[] { Read(s), Write(s) });

    /// <summary>
    /// What a role is typically granted: every read scope, and the write scope of each service its manifest says is
    /// written by that role (an integrator reads everything and writes only what is its own, such as its webhooks).
    /// </summary>
    public static IEnumerable<string> ReadAllAndWriteOwned(string role) =>
        Services.Select(Read).Concat(Manifests.Value.Where(m => m.Owner == role).Select(m => Write(m.Name)));
}
