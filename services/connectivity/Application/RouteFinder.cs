using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

public sealed record RouteQuery(string? From, string? To, RouteMetric Metric, IReadOnlyList<LinkMode> Modes, int Alternatives,
    IReadOnlyList<string> ClosedLinks);

public sealed record RouteLegPlan(Link Link, Guid FromNodeId, Guid ToNodeId, double DwellHours, BorderCrossing? Crossing)
{
    public double TravelHours => Link.TravelHours;

    public double CostUsdPerTonne => Link.CostUsdPerTonne;
}

public sealed record RoutePlan(int Rank, IReadOnlyList<RouteLegPlan> Legs, IReadOnlyList<Guid> NodeIds)
{
    public double LengthKm => Legs.Sum(l => l.Link.LengthKm);

    public double TravelHours => Legs.Sum(l => l.TravelHours);

    public double DwellHours => Legs.Sum(l => l.DwellHours);

    public double TotalHours => TravelHours + DwellHours;

    public double CostUsdPerTonne => Legs.Sum(l => l.CostUsdPerTonne);

    public int BorderCrossings => Legs.Count(l => l.Crossing is not null);
}

/// <summary>
/// Routes on the live network with pgRouting: Dijkstra for the best route, Yen's k shortest paths (pgr_KSP) for
/// alternatives, both directed so a crossing's dwell counts in the direction travelled. A route never uses a link
/// that is not open, nor one the caller closes for a what-if, nor a mode not allowed.
/// </summary>
public sealed class RouteFinder(ConnectivityDbContext db)
{
    public const int MaxAlternatives = 5;

    public async Task<IReadOnlyList<RoutePlan>> FindAsync(RouteQuery query, CancellationToken ct)
    {
        var alternatives = query.Alternatives == 0 ? 1 : query.Alternatives;
        if (alternatives is < 1 or > MaxAlternatives)
        {
            throw new ValidationException("alternatives", $"is 1 to {MaxAlternatives}");
        }

        var modes = CheckModes(query.Modes, "modes");
        var from = await db.NodeAsync(query.From, "from", ct);
        var to = await db.NodeAsync(query.To, "to", ct);
        if (from.Id == to.Id)
        {
            throw new ValidationException("to", "is the origin; a route joins two different nodes");
        }

        var closed = await ClosedNumbersAsync(query.ClosedLinks, "closed_links", ct);
        var edges = RoutingSql.Edges(query.Metric, modes, closed);
        var paths = alternatives == 1
            ? await PathsAsync("SELECT 1, path_seq, node, edge FROM pgr_dijkstra(@edges, @from, @to, directed => true) ORDER BY path_seq",
                edges, from.Number, to.Number, alternatives, ct)
            : await PathsAsync("SELECT path_id, path_seq, node, edge FROM pgr_ksp(@edges, @from, @to, @k, directed => true) "
                               + "ORDER BY path_id, path_seq", edges, from.Number, to.Number, alternatives, ct);
        return await PlansAsync(paths, ct);
    }

    public static IReadOnlyList<LinkMode> CheckModes(IReadOnlyList<LinkMode> modes, string field)
    {
        if (modes.Count == 0)
        {
            return LinkModes.DefaultForRoutes;
        }

        if (modes.Any(m => !LinkModes.Freight.Contains(m)))
        {
            throw new ValidationException(field, "routes carry freight: road, rail, inland waterway or air (power and fibre carry none)");
        }

        return [.. modes.Distinct()];
    }

    public async Task<List<long>> ClosedNumbersAsync(IReadOnlyList<string> keys, string field, CancellationToken ct) =>
        keys.Count == 0 ? [] : [.. (await db.LinksAsync(keys, field, ct)).Select(l => l.Number)];

    /// <summary>Each path as its (vertex, edge) steps; the last step's edge is -1.</summary>
    private async Task<List<List<(long Node, long Edge)>>> PathsAsync(string sql, string edges, long from, long to, int k,
        CancellationToken ct)
    {
        var parameters = new Dictionary<string, object> { ["edges"] = edges, ["from"] = from, ["to"] = to };
        if (sql.Contains("@k", StringComparison.Ordinal))
        {
            parameters["k"] = k;
        }

        var paths = new SortedDictionary<long, List<(long, long)>>();
        await PgRouting.ReadAsync(db, sql, parameters, reader =>
        {
            var id = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (!paths.TryGetValue(id, out var steps))
            {
                paths[id] = steps = [];
            }

            steps.Add((reader.GetInt64(2), reader.GetInt64(3)));
        }, ct);
        return [.. paths.Values];
    }

    private async Task<IReadOnlyList<RoutePlan>> PlansAsync(List<List<(long Node, long Edge)>> paths, CancellationToken ct)
    {
        var edgeNumbers = paths.SelectMany(p => p).Where(s => s.Edge > 0).Select(s => s.Edge).Distinct().ToList();
        var nodeNumbers = paths.SelectMany(p => p).Select(s => s.Node).Distinct().ToList();
        var links = await db.Links.AsNoTracking().Where(l => edgeNumbers.Contains(l.Number)).ToDictionaryAsync(l => l.Number, ct);
        var nodes = await db.Nodes.AsNoTracking().Where(n => nodeNumbers.Contains(n.Number)).ToDictionaryAsync(n => n.Number, n => n.Id, ct);
        var linkIds = links.Values.Select(l => l.Id).ToList();
        var crossings = await db.BorderCrossings.AsNoTracking().Where(c => linkIds.Contains(c.LinkId)).ToDictionaryAsync(c => c.LinkId, ct);

        var plans = new List<RoutePlan>();
        foreach (var path in paths)
        {
            var legs = new List<RouteLegPlan>();
            for (var i = 0; i + 1 < path.Count; i++)
            {
                var link = links[path[i].Edge];
                var from = nodes[path[i].Node];
                var to = nodes[path[i + 1].Node];
                crossings.TryGetValue(link.Id, out var crossing);
                var dwell = crossing is null ? 0 : from == crossing.SideANodeId ? crossing.DwellHoursAToB : crossing.DwellHoursBToA;
                legs.Add(new RouteLegPlan(link, from, to, dwell, crossing));
            }

            plans.Add(new RoutePlan(plans.Count + 1, legs, [.. path.Select(s => nodes[s.Node])]));
        }

        return plans;
    }
}
