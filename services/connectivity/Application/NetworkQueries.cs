using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

public sealed record CorridorView(Corridor Corridor, CorridorFigures Figures);

public sealed record CrossingView(BorderCrossing Crossing, Node SideA, Node SideB, CrossingPerformance? LatestA, CrossingPerformance? LatestB);

/// <summary>A reported period with the change against the same side's previous one.</summary>
/// <summary>A keyset page by code: the items after <paramref name="After"/>, at most <paramref name="Size"/> of them.</summary>
public sealed record CodePage(string? After, int Size)
{
    /// <summary>One more than the page, so the caller knows whether another follows.</summary>
    public int Fetch => Size + 1;
}

public sealed record PerformanceView(CrossingPerformance Period, double? ImportMedianChange, double? ExportMedianChange);

/// <summary>Reads of the network, for the gRPC/REST API and the GeoJSON collections alike.</summary>
public sealed class NetworkQueries(ConnectivityDbContext db)
{
    public Task<Node> NodeAsync(string? key, CancellationToken ct) => db.NodeAsync(key, "node_id", ct);

    public Task<Link> LinkAsync(string? key, CancellationToken ct) => db.LinkAsync(key, "link_id", ct);

    public Task<List<Node>> NodesAsync(NodeKind? kind, string? country, Bbox? bbox, CancellationToken ct, CodePage? page = null)
    {
        var nodes = db.Nodes.AsNoTracking();
        nodes = kind is { } k ? nodes.Where(n => n.Kind == k) : nodes;
        nodes = country is not null ? nodes.Where(n => n.Country == country) : nodes;
        if (bbox is not null)
        {
            var area = bbox.Polygon;
            nodes = nodes.Where(n => area.Intersects(n.Location));
        }

        return Paged(nodes, page).ToListAsync(ct);
    }

    public Task<List<Link>> LinksAsync(LinkMode? mode, LinkStatus? status, string? country, Bbox? bbox, CancellationToken ct,
        CodePage? page = null)
    {
        var links = db.Links.AsNoTracking();
        links = mode is { } m ? links.Where(l => l.Mode == m) : links;
        links = status is { } s ? links.Where(l => l.Status == s) : links;
        links = country is not null ? links.Where(l => l.OwnerCountries.Contains(country)) : links;
        if (bbox is not null)
        {
            var area = bbox.Polygon;
            links = links.Where(l => area.Intersects(l.Path));
        }

        return Paged(links, page).ToListAsync(ct);
    }

    /// <summary>The links the active flood warnings hold at risk, in code order, each with its warnings.</summary>
    public async Task<List<(Link Link, List<FloodRisk> Warnings)>> LinksAtRiskAsync(string? country, CancellationToken ct)
    {
        var atRisk = await FloodRiskLinks.AtRiskAsync(db, ct);
        var ids = atRisk.Keys.ToList();
        var links = db.Links.AsNoTracking().Where(l => ids.Contains(l.Id));
        links = country is not null ? links.Where(l => l.OwnerCountries.Contains(country)) : links;
        return [.. (await links.OrderBy(l => l.Code).ToListAsync(ct)).Select(l => (l, atRisk[l.Id]))];
    }

    /// <summary>Which of the links are at risk now: a flag for the GeoJSON layers.</summary>
    public async Task<HashSet<Guid>> AtRiskIdsAsync(CancellationToken ct) =>
        [.. (await FloodRiskLinks.AtRiskAsync(db, ct)).Keys];

    public async Task<CorridorView> CorridorAsync(string? key, CancellationToken ct) =>
        (await ViewsAsync([await db.CorridorAsync(key, "corridor", ct)], ct))[0];

    public async Task<List<CorridorView>> CorridorsAsync(CancellationToken ct, CodePage? page = null) =>
        await ViewsAsync(await Paged(db.Corridors.AsNoTracking(), page).ToListAsync(ct), ct);

    /// <summary>The links of corridors, keyed by id, for figures and geometry.</summary>
    public async Task<Dictionary<Guid, Link>> LinksOfAsync(IEnumerable<Corridor> corridors, CancellationToken ct)
    {
        var ids = corridors.SelectMany(c => c.LinkIds).Distinct().ToList();
        return await db.Links.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
    }

    public async Task<CrossingView> CrossingAsync(string? key, CancellationToken ct) =>
        (await CrossingViewsAsync([await db.CrossingAsync(key, "crossing", ct)], ct))[0];

    public async Task<List<CrossingView>> CrossingsAsync(string? country, CancellationToken ct, CodePage? page = null) =>
        await CrossingViewsAsync(await Paged((country is null ? db.BorderCrossings : db.BorderCrossings
            .Where(c => c.CountryA == country || c.CountryB == country)).AsNoTracking(), page).ToListAsync(ct), ct);

    public async Task<List<PerformanceView>> PerformanceAsync(string? key, CancellationToken ct)
    {
        var crossing = await db.CrossingAsync(key, "crossing", ct);
        var periods = await db.CrossingPerformance.AsNoTracking().Where(p => p.CrossingId == crossing.Id)
            .OrderBy(p => p.PeriodEnd).ThenBy(p => p.Country).ThenBy(p => p.Period).ToListAsync(ct);
        var views = new List<PerformanceView>();
        foreach (var period in periods)
        {
            // The side's previous period of the same length (a year against the year before, a quarter against the one before).
            var previous = periods.Where(p => p.Country == period.Country && p.Period.Length == period.Period.Length
                                              && p.PeriodEnd < period.PeriodEnd).MaxBy(p => p.PeriodEnd);
            views.Add(new PerformanceView(period,
                previous is null ? null : Math.Round(period.Import.MedianHours - previous.Import.MedianHours, 3),
                previous is null ? null : Math.Round(period.Export.MedianHours - previous.Export.MedianHours, 3)));
        }

        return views;
    }

    /// <summary>In code order (unique, so the keyset is exact), from after the page's last code.</summary>
    private static IQueryable<T> Paged<T>(IQueryable<T> items, CodePage? page) where T : class, ICoded
    {
        if (page?.After is { } after)
        {
            items = items.Where(x => string.Compare(x.Code, after) > 0);
        }

        items = items.OrderBy(x => x.Code);
        return page is null ? items : items.Take(page.Fetch);
    }

    private async Task<List<CorridorView>> ViewsAsync(List<Corridor> corridors, CancellationToken ct)
    {
        var links = await LinksOfAsync(corridors, ct);
        return [.. corridors.Select(c => new CorridorView(c, c.Figures(links)))];
    }

    private async Task<List<CrossingView>> CrossingViewsAsync(List<BorderCrossing> crossings, CancellationToken ct)
    {
        var ids = crossings.Select(c => c.Id).ToList();
        var nodeIds = crossings.SelectMany(c => new[] { c.SideANodeId, c.SideBNodeId }).ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var periods = (await db.CrossingPerformance.AsNoTracking().Where(p => ids.Contains(p.CrossingId)).ToListAsync(ct))
            .ToLookup(p => p.CrossingId);
        return [.. crossings.Select(c => new CrossingView(c, nodes[c.SideANodeId], nodes[c.SideBNodeId],
            Periods.Latest(periods[c.Id], c.CountryA), Periods.Latest(periods[c.Id], c.CountryB)))];
    }
}
