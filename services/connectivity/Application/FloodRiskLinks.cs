using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

/// <summary>Which links the active warnings hold at risk, and by which warnings.</summary>
public static class FloodRiskLinks
{
    /// <summary>
    /// Serialises the consumers' changes to the marks for the rest of the transaction: two warnings consumed side by
    /// side would each find a link not yet at risk and both announce it.
    /// </summary>
    public static Task LockAsync(ConnectivityDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('connectivity:flood-risks'))", ct);

    public static async Task<Dictionary<Guid, List<FloodRisk>>> AtRiskAsync(
        ConnectivityDbContext db, CancellationToken ct, Guid? except = null)
    {
        var active = await db.FloodRisks.AsNoTracking()
            .Where(r => r.LiftedAt == null && r.WarningId != except).ToListAsync(ct);
        return active.SelectMany(r => r.LinkIds.Select(id => (id, r)))
            .GroupBy(x => x.id)
            .ToDictionary(g => g.Key, g => g.Select(x => x.r).OrderBy(r => r.ValidFrom).ToList());
    }
}
