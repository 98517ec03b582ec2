using System.Globalization;
using Lmc.Connectivity.Domain;

namespace Lmc.Connectivity.Application;

/// <summary>
/// The SQL pgRouting walks: the view <c>routing_edges</c> (migration Network) gives each link once, with its vertices
/// and its cost in each direction per metric (hours include the crossing's dwell that way). pgRouting takes the
/// edges as SQL text, so the filters are written into it; they are only integers from enums and link numbers.
/// </summary>
public static class RoutingSql
{
    public static string Edges(RouteMetric metric, IEnumerable<LinkMode> modes, IEnumerable<long> closed)
    {
        var (forward, backward) = metric switch
        {
            RouteMetric.Distance => ("km", "km"),
            RouteMetric.Cost => ("usd_forward", "usd_backward"),
            _ => ("hours_forward", "hours_backward"),
        };
        var modeList = string.Join(",", modes.Select(m => ((int)m).ToString(CultureInfo.InvariantCulture)));
        var closedList = string.Join(",", closed.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var open = $"{(int)LinkStatus.Operational},{(int)LinkStatus.Upgrading}";
        return $"SELECT id, source, target, {forward} AS cost, {backward} AS reverse_cost FROM routing_edges "
               + $"WHERE mode IN ({modeList}) AND status IN ({open})"
               + (closedList.Length > 0 ? $" AND id NOT IN ({closedList})" : "");
    }

    /// <summary>Origin-destination pairs as pgRouting's combinations SQL.</summary>
    public static string Combinations(IEnumerable<(long From, long To)> pairs) =>
        "SELECT source, target FROM (VALUES "
        + string.Join(",", pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.From}::bigint,{p.To}::bigint)")))
        + ") AS pairs(source, target)";
}
