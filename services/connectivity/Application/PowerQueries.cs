using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

public sealed record FlowView(PowerFlow Flow, Link Link);

/// <summary>Energy from one country to another over the period, summed over every interconnector between them.</summary>
public sealed record TradeCell(string Exporter, string Importer, double Mwh);

public sealed record CountryTrade(string Country, double ExportedMwh, double ImportedMwh)
{
    public double NetExportMwh => Math.Round(ExportedMwh - ImportedMwh, 3);
}

/// <summary>An interconnector's use over the reported months: energy against what its capacity carries in those hours.</summary>
public sealed record InterconnectorUse(Link Link, string FromCountry, string ToCountry, int MonthsReported, double MwhForward,
    double MwhReverse, double Utilisation);

public sealed record PowerTrade(string? FromMonth, string? ToMonth, IReadOnlyList<TradeCell> Cells, IReadOnlyList<CountryTrade> Countries,
    IReadOnlyList<InterconnectorUse> Interconnectors);

/// <summary>Cross-border fibre between two countries (in code order): what is lit today and what is being built.</summary>
public sealed record FibrePair(string CountryA, string CountryB, IReadOnlyList<Link> Links)
{
    public double OperationalGbps => Links.Where(l => l.IsOpen).Sum(l => l.CapacityGbps ?? 0);

    public double PipelineGbps => Links.Where(l => l.Status is LinkStatus.Planned or LinkStatus.UnderConstruction)
        .Sum(l => l.CapacityGbps ?? 0);
}

/// <summary>Power trade (para 24) and cross-border fibre (para 25), worked out from the flows and links as stored.</summary>
public sealed class PowerQueries(ConnectivityDbContext db)
{
    public async Task<List<FlowView>> FlowsAsync(string? link, string? fromMonth, string? toMonth, CancellationToken ct)
    {
        var flows = Within(db.PowerFlows.AsNoTracking(), fromMonth, toMonth);
        if (!string.IsNullOrWhiteSpace(link))
        {
            var id = (await db.LinkAsync(link, "link", ct)).Id;
            flows = flows.Where(f => f.LinkId == id);
        }

        var list = await flows.OrderBy(f => f.MonthStart).ThenBy(f => f.LinkId).ToListAsync(ct);
        var links = await LinksAsync(list, ct);
        return [.. list.Select(f => new FlowView(f, links[f.LinkId]))];
    }

    public async Task<PowerTrade> TradeAsync(string? fromMonth, string? toMonth, CancellationToken ct)
    {
        var flows = await Within(db.PowerFlows.AsNoTracking(), fromMonth, toMonth).ToListAsync(ct);
        var links = await LinksAsync(flows, ct);
        var directed = flows.SelectMany(f => new[] { (Exporter: f.FromCountry, Importer: f.ToCountry, Mwh: f.MwhForward),
            (Exporter: f.ToCountry, Importer: f.FromCountry, Mwh: f.MwhReverse) }).ToList();
        var cells = directed.GroupBy(d => (d.Exporter, d.Importer))
            .Select(g => new TradeCell(g.Key.Exporter, g.Key.Importer, Math.Round(g.Sum(d => d.Mwh), 3)))
            .Where(c => c.Mwh > 0).OrderBy(c => c.Exporter).ThenBy(c => c.Importer).ToList();
        var countries = MemberCountries.All.Order(StringComparer.Ordinal)
            .Select(c => new CountryTrade(c, Math.Round(directed.Where(d => d.Exporter == c).Sum(d => d.Mwh), 3),
                Math.Round(directed.Where(d => d.Importer == c).Sum(d => d.Mwh), 3)))
            .ToList();
        var uses = flows.GroupBy(f => f.LinkId).Select(g =>
        {
            var first = g.First();
            var carriable = g.Sum(f => f.CapacityMw * f.Hours);
            return new InterconnectorUse(links[g.Key], first.FromCountry, first.ToCountry, g.Count(), Math.Round(g.Sum(f => f.MwhForward), 3),
                Math.Round(g.Sum(f => f.MwhReverse), 3), Math.Round(g.Sum(f => f.MwhForward + f.MwhReverse) / carriable, 4));
        }).OrderBy(u => u.Link.Code).ToList();
        return new PowerTrade(Normalised(fromMonth, "from_month"), Normalised(toMonth, "to_month"), cells, countries, uses);
    }

    public async Task<List<FibrePair>> FibreAsync(CancellationToken ct)
    {
        var links = await db.Links.AsNoTracking().Where(l => l.Mode == LinkMode.Fibre && l.Status != LinkStatus.Closed).ToListAsync(ct);
        var nodeIds = links.SelectMany(l => new[] { l.FromNodeId, l.ToNodeId }).Distinct().ToList();
        var country = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Country, ct);
        return [.. links
            .Select(l => (Link: l, A: country[l.FromNodeId], B: country[l.ToNodeId]))
            .Where(x => x.A != x.B)
            .GroupBy(x => string.CompareOrdinal(x.A, x.B) < 0 ? (x.A, x.B) : (A: x.B, B: x.A))
            .Select(g => new FibrePair(g.Key.A, g.Key.B, [.. g.Select(x => x.Link).OrderBy(l => l.Code)]))
            .OrderBy(p => p.CountryA).ThenBy(p => p.CountryB)];
    }

    private static IQueryable<PowerFlow> Within(IQueryable<PowerFlow> flows, string? fromMonth, string? toMonth)
    {
        var from = string.IsNullOrWhiteSpace(fromMonth) ? (DateOnly?)null : PowerFlow.ParseMonth(fromMonth, "from_month");
        var to = string.IsNullOrWhiteSpace(toMonth) ? (DateOnly?)null : PowerFlow.ParseMonth(toMonth, "to_month");
        if (from > to)
        {
            throw new ValidationException("to_month", "is before from_month");
        }

        flows = from is { } f ? flows.Where(x => x.MonthStart >= f) : flows;
        return to is { } t ? flows.Where(x => x.MonthStart <= t) : flows;
    }

    private static string? Normalised(string? month, string field) =>
        string.IsNullOrWhiteSpace(month) ? null : PowerFlow.ParseMonth(month, field).ToString("yyyy-MM", null);

    private async Task<Dictionary<Guid, Link>> LinksAsync(List<PowerFlow> flows, CancellationToken ct)
    {
        var ids = flows.Select(f => f.LinkId).Distinct().ToList();
        return await db.Links.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
    }
}
