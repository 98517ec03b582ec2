namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// OAuth scopes: one read and one write scope per service API (<c>projects:read</c>,
/// <c>projects:write</c>). An integrator gets only what it was granted; a write scope includes
/// reading. The identity service registers exactly these.
/// </summary>
public static class LmcScopes
{
    /// <summary>The services whose APIs are scoped; a new service adds its name here.</summary>
    public static readonly IReadOnlyList<string> Services =
    [
        "projects", "meetings", "funding", "health-surveillance", "connectivity", "water-resources",
        "agriculture", "production-capacity", "economic-cooperation", "identity",
    ];

    public static string Read(string service) => service + ":read";

    public static string Write(string service) => service + ":write";

    public static IEnumerable<string> All => Services.SelectMany(s => new[] { Read(s), Write(s) });
}
