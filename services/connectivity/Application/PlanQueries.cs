using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

/// <summary>
/// A plan item with what it is about on the network as it is now: its links and corridors, and the share of their
/// length (corridors' links included, each link once) that is operational or upgrading.
/// </summary>
public sealed record PlanItemView(PlanItem Item, IReadOnlyList<Link> Links, IReadOnlyList<Corridor> Corridors, double? NetworkOperationalShare);

/// <summary>An MPAC 2025 strategic area's part of the plan.</summary>
public sealed record PlanArea(StrategicArea Area, IReadOnlyList<PlanItemView> Items)
{
    public double Progress => Items.Count == 0 ? 0 : Math.Round(Items.Average(i => i.Item.Progress), 4);
}

public sealed class PlanQueries(ConnectivityDbContext db)
{
    public async Task<PlanItemView> ItemAsync(string? key, CancellationToken ct) =>
        (await ViewsAsync([await db.PlanItemAsync(key, "item", ct)], ct))[0];

    public async Task<List<PlanItemView>> ItemsAsync(StrategicArea? area, CancellationToken ct)
    {
        var items = db.PlanItems.AsNoTracking();
        items = area is { } a ? items.Where(i => i.Area == a) : items;
        return await ViewsAsync(await items.OrderBy(i => i.Code).ToListAsync(ct), ct);
    }

    /// <summary>The whole plan by strategic area, every area present (an area with no items shows as such).</summary>
    public async Task<List<PlanArea>> PlanAsync(CancellationToken ct)
    {
        var views = await ItemsAsync(null, ct);
        return [.. Enum.GetValues<StrategicArea>().Select(a => new PlanArea(a, [.. views.Where(v => v.Item.Area == a)]))];
    }

    private async Task<List<PlanItemView>> ViewsAsync(List<PlanItem> items, CancellationToken ct)
    {
        var corridorIds = items.SelectMany(i => i.CorridorIds).Distinct().ToList();
        var corridors = await db.Corridors.AsNoTracking().Where(c => corridorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var linkIds = items.SelectMany(i => i.LinkIds).Concat(corridors.Values.SelectMany(c => c.LinkIds)).Distinct().ToList();
        var links = await db.Links.AsNoTracking().Where(l => linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        return [.. items.Select(item =>
        {
            var mine = item.CorridorIds.Select(id => corridors[id]).ToList();
            var all = item.LinkIds.Concat(mine.SelectMany(c => c.LinkIds)).Distinct().Select(id => links[id]).ToList();
            var length = all.Sum(l => l.LengthKm);
            double? share = all.Count == 0 ? null : length == 0 ? 0 : Math.Round(all.Where(l => l.IsOpen).Sum(l => l.LengthKm) / length, 4);
            return new PlanItemView(item, [.. item.LinkIds.Select(id => links[id])], mine, share);
        })];
    }
}
