using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lmc.Connectivity.Application;

public sealed record CriticalityQuery(string? Corridor, IReadOnlyList<(string From, string To)> Pairs, RouteMetric Metric,
    IReadOnlyList<LinkMode> Modes, IReadOnlyList<string> ClosedLinks, int Top);

public sealed record PairValue(Guid From, Guid To, double Value);

public sealed record CriticalLinkPlan(int Rank, Link Link, int PairsDisconnected, double Added, int PairsAffected);

public sealed record CriticalityReport(IReadOnlyList<PairValue> Baselines, IReadOnlyList<CriticalLinkPlan> Links);

/// <summary>
/// What each link's loss does: for every pair, the best route's value on the network as given; then, for each link
/// on one of those best routes (a link on none changes no best value), the same pairs without it. A link ranks by
/// the pairs it disconnects, then by the value it adds over the pairs that stay connected.
/// </summary>
public sealed class Criticality(ConnectivityDbContext db, RouteFinder routes)
{
    public const int MaxPairs = 50;
    public const int MaxTop = 100;

    public async Task<CriticalityReport> RankAsync(CriticalityQuery query, CancellationToken ct)
    {
        var top = query.Top == 0 ? 10 : query.Top;
        if (top is < 1 or > MaxTop)
        {
            throw new ValidationException("top", $"is 1 to {MaxTop}");
        }

        var (pairs, corridorModes) = await PairsAsync(query, ct);
        // A corridor is judged on its own modes unless the caller names others: a road corridor by road.
        var modes = RouteFinder.CheckModes(query.Modes.Count == 0 ? corridorModes : query.Modes, "modes");
        var closed = await routes.ClosedNumbersAsync(query.ClosedLinks, "closed_links", ct);
        var numbers = pairs.SelectMany(p => new[] { p.From, p.To }).Distinct().ToList();
        var ids = await db.Nodes.AsNoTracking().Where(n => numbers.Contains(n.Number)).ToDictionaryAsync(n => n.Number, n => n.Id, ct);

        var baseline = await CostsAsync(RoutingSql.Edges(query.Metric, modes, closed), pairs, ct);
        var used = await UsedEdgesAsync(RoutingSql.Edges(query.Metric, modes, closed), [.. baseline.Keys], ct);
        var candidates = used.SelectMany(u => u.Value).Distinct().ToList();

        var ranked = new List<(long Edge, int Disconnected, double Added, int Affected)>();
        foreach (var edge in candidates)
        {
            var affected = used.Where(u => u.Value.Contains(edge)).Select(u => u.Key).ToList();
            var without = await CostsAsync(RoutingSql.Edges(query.Metric, modes, [.. closed, edge]), affected, ct);
            var disconnected = affected.Count(p => !without.ContainsKey(p));
            var added = affected.Where(without.ContainsKey).Sum(p => without[p] - baseline[p]);
            ranked.Add((edge, disconnected, added, affected.Count));
        }

        var order = ranked.OrderByDescending(r => r.Disconnected).ThenByDescending(r => r.Added).ThenBy(r => r.Edge).Take(top).ToList();
        var edgeNumbers = order.Select(r => r.Edge).ToList();
        var links = await db.Links.AsNoTracking().Where(l => edgeNumbers.Contains(l.Number)).ToDictionaryAsync(l => l.Number, ct);
        return new CriticalityReport(
            [.. baseline.Select(b => new PairValue(ids[b.Key.From], ids[b.Key.To], Math.Round(b.Value, 4)))],
            [.. order.Select((r, i) => new CriticalLinkPlan(i + 1, links[r.Edge], r.Disconnected, Math.Round(r.Added, 4), r.Affected))]);
    }

    /// <summary>The pairs as vertex numbers, and the corridor's modes when the pair is a corridor's.</summary>
    private async Task<(List<(long From, long To)> Pairs, List<LinkMode> CorridorModes)> PairsAsync(CriticalityQuery query,
        CancellationToken ct)
    {
        var hasCorridor = !string.IsNullOrWhiteSpace(query.Corridor);
        if (hasCorridor == query.Pairs.Count > 0)
        {
            throw new ValidationException("corridor", "give a corridor or origin-destination pairs, one of the two");
        }

        if (query.Pairs.Count > MaxPairs)
        {
            throw new ValidationException("pairs", $"at most {MaxPairs} pairs");
        }

        var keyed = new List<(Guid From, Guid To)>();
        List<LinkMode> corridorModes = [];
        if (hasCorridor)
        {
            var corridor = await db.CorridorAsync(query.Corridor, "corridor", ct);
            keyed.Add((corridor.Origin, corridor.Destination));
            corridorModes = await db.Links.Where(l => corridor.LinkIds.Contains(l.Id)).Select(l => l.Mode).Distinct().ToListAsync(ct);
        }
        else
        {
            foreach (var (from, to) in query.Pairs)
            {
                keyed.Add(((await db.NodeAsync(from, "pairs.from", ct)).Id, (await db.NodeAsync(to, "pairs.to", ct)).Id));
            }
        }

        var nodeIds = keyed.SelectMany(k => new[] { k.From, k.To }).Distinct().ToList();
        var numbers = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Number, ct);
        if (keyed.Any(k => k.From == k.To))
        {
            throw new ValidationException("pairs", "a pair joins two different nodes");
        }

        return ([.. keyed.Select(k => (numbers[k.From], numbers[k.To])).Distinct()], corridorModes);
    }

    /// <summary>The best value of each pair that a route joins; a pair with none is absent.</summary>
    private async Task<Dictionary<(long From, long To), double>> CostsAsync(string edges, List<(long From, long To)> pairs,
        CancellationToken ct)
    {
        var costs = new Dictionary<(long, long), double>();
        if (pairs.Count == 0)
        {
            return costs;
        }

        await ReadAsync("SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost(@edges, @pairs, directed => true)", edges, pairs,
            reader => costs[(reader.GetInt64(0), reader.GetInt64(1))] = reader.GetDouble(2), ct);
        return costs;
    }

    /// <summary>The links on each pair's best route.</summary>
    private async Task<Dictionary<(long From, long To), HashSet<long>>> UsedEdgesAsync(string edges, List<(long From, long To)> pairs,
        CancellationToken ct)
    {
        var used = pairs.ToDictionary(p => p, _ => new HashSet<long>());
        if (pairs.Count == 0)
        {
            return used;
        }

        await ReadAsync("SELECT start_vid, end_vid, edge FROM pgr_dijkstra(@edges, @pairs, directed => true) WHERE edge > 0", edges, pairs,
            reader => used[(reader.GetInt64(0), reader.GetInt64(1))].Add(reader.GetInt64(2)), ct);
        return used;
    }

    private Task ReadAsync(string sql, string edges, List<(long From, long To)> pairs, Action<NpgsqlDataReader> row,
        CancellationToken ct) =>
        PgRouting.ReadAsync(db, sql, new Dictionary<string, object> { ["edges"] = edges, ["pairs"] = RoutingSql.Combinations(pairs) },
            row, ct);
}
