using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

public sealed record RouteQuery(string? From, string? To, RouteMetric Metric, IReadOnlyList<LinkMode> Modes, int Alternatives,
    IReadOnlyList<string> ClosedLinks);

/// <summary>A leg of a route: its link travelled from one node to the other; CrossingId when the link is a border crossing.</summary>
public sealed record RouteLegPlan(Link Link, Guid FromNodeId, Guid ToNodeId, double DwellHours, Guid? CrossingId)
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

    public int BorderCrossings => Legs.Count(l => l.CrossingId is not null);
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
        var (from, to) = await EndsAsync(query.From, query.To, ct);
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

    /// <summary>The origin and destination, by id or code, in one round trip.</summary>
    private async Task<(Node From, Node To)> EndsAsync(string? fromKey, string? toKey, CancellationToken ct)
    {
        var (from, to) = (fromKey?.Trim() ?? "", toKey?.Trim() ?? "");
        if (from.Length == 0 || to.Length == 0)
        {
            throw new ValidationException(from.Length == 0 ? "from" : "to", "is required: an id or a code");
        }

        var ids = new[] { from, to }.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToList();
        var codes = new[] { from, to };
        var nodes = await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id) || codes.Contains(n.Code)).ToListAsync(ct);
        Node Pick(string key) => nodes.FirstOrDefault(n => n.Code == key || Guid.TryParse(key, out var id) && n.Id == id)
                                                ?? throw new NotFoundException("node", key);
        return (Pick(from), Pick(to));
    }

    /// <summary>
    /// Each path's steps with what a route needs of them, in one statement: pgRouting's (vertex, edge) steps joined to
    /// the node's id, the link's id and the crossing on the link with the dwell the way travelled. The last step's
    /// edge is -1 (no link).
    /// </summary>
    private async Task<List<List<Step>>> PathsAsync(string sql, string edges, long from, long to, int k, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object> { ["edges"] = edges, ["from"] = from, ["to"] = to };
        if (sql.Contains("@k", StringComparison.Ordinal))
        {
            parameters["k"] = k;
        }

        var joined = $"""
            WITH p(path_id, path_seq, node, edge) AS ({sql})
            SELECT p.path_id, n.id, l.id, c.id, c.side_a_node_id, c.dwell_hours_a_to_b, c.dwell_hours_b_to_a
            FROM p JOIN nodes n ON n.number = p.node
                   LEFT JOIN links l ON l.number = p.edge
                   LEFT JOIN border_crossings c ON c.link_id = l.id
            ORDER BY p.path_id, p.path_seq
            """;
        var paths = new SortedDictionary<long, List<Step>>();
        await PgRouting.ReadAsync(db, joined, parameters, reader =>
        {
            var id = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (!paths.TryGetValue(id, out var steps))
            {
                paths[id] = steps = [];
            }

            var node = reader.GetGuid(1);
            Guid? crossing = reader.IsDBNull(3) ? null : reader.GetGuid(3);
            var dwell = crossing is null ? 0 : node == reader.GetGuid(4) ? reader.GetDouble(5) : reader.GetDouble(6);
            steps.Add(new Step(node, reader.IsDBNull(2) ? null : reader.GetGuid(2), crossing, dwell));
        }, ct);
        return [.. paths.Values];
    }

    private async Task<IReadOnlyList<RoutePlan>> PlansAsync(List<List<Step>> paths, CancellationToken ct)
    {
        var linkIds = paths.SelectMany(p => p).Where(s => s.Link is not null).Select(s => s.Link!.Value).Distinct().ToList();
        var links = await db.Links.AsNoTracking().Where(l => linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var plans = new List<RoutePlan>();
        foreach (var path in paths)
        {
            var legs = new List<RouteLegPlan>();
            for (var i = 0; i + 1 < path.Count; i++)
            {
                var step = path[i];
                legs.Add(new RouteLegPlan(links[step.Link!.Value], step.Node, path[i + 1].Node, step.DwellHours, step.Crossing));
            }

            plans.Add(new RoutePlan(plans.Count + 1, legs, [.. path.Select(s => s.Node)]));
        }

        return plans;
    }

    /// <summary>A vertex of a path and the link taken from it (none at the end), with its crossing and dwell that way.</summary>
    private sealed record Step(Guid Node, Guid? Link, Guid? Crossing, double DwellHours);
}
