using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

/// <summary>Finds a node, link, corridor or crossing by its id or by the JWG's code, the way every operation accepts them.</summary>
public static class NetworkLookup
{
    public static async Task<Node> NodeAsync(this ConnectivityDbContext db, string? key, string field, CancellationToken ct) =>
        await Find(db.Nodes, key, field).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("node", key ?? "");

    public static async Task<Link> LinkAsync(this ConnectivityDbContext db, string? key, string field, CancellationToken ct) =>
        await Find(db.Links, key, field).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("link", key ?? "");

    public static async Task<Corridor> CorridorAsync(this ConnectivityDbContext db, string? key, string field, CancellationToken ct) =>
        await Find(db.Corridors, key, field).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("corridor", key ?? "");

    public static async Task<BorderCrossing> CrossingAsync(this ConnectivityDbContext db, string? key, string field, CancellationToken ct) =>
        await Find(db.BorderCrossings, key, field).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("border crossing", key ?? "");

    public static async Task<PlanItem> PlanItemAsync(this ConnectivityDbContext db, string? key, string field, CancellationToken ct) =>
        await Find(db.PlanItems, key, field).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("plan item", key ?? "");

    /// <summary>Links by id or code, in the order asked; every one must exist.</summary>
    public static async Task<List<Link>> LinksAsync(this ConnectivityDbContext db, IReadOnlyList<string> keys, string field, CancellationToken ct)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var codes = keys.Where(k => !Guid.TryParse(k, out _)).Select(k => k.Trim()).ToList();
        var found = await db.Links.Where(l => ids.Contains(l.Id) || codes.Contains(l.Code)).ToListAsync(ct);
        var missing = keys.Where(k => !found.Any(l => l.Id.ToString() == k || l.Code == k.Trim())).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(field, $"no such link: {string.Join(", ", missing.Take(10))}");
        }

        return [.. keys.Select(k => found.First(l => l.Id.ToString() == k || l.Code == k.Trim()))];
    }

    /// <summary>The countries of a link's from- and to-node: the two sides of a cross-border line.</summary>
    public static async Task<(string From, string To)> EndCountriesAsync(this ConnectivityDbContext db, Link link, CancellationToken ct)
    {
        var countries = await db.Nodes.Where(n => n.Id == link.FromNodeId || n.Id == link.ToNodeId)
            .ToDictionaryAsync(n => n.Id, n => n.Country, ct);
        return (countries[link.FromNodeId], countries[link.ToNodeId]);
    }

    private static IQueryable<T> Find<T>(IQueryable<T> set, string? key, string field) where T : class, ICoded
    {
        var value = key?.Trim() ?? "";
        if (value.Length == 0)
        {
            throw new ValidationException(field, "is required: an id or a code");
        }

        return Guid.TryParse(value, out var id) ? set.Where(x => x.Id == id) : set.Where(x => x.Code == value);
    }
}
