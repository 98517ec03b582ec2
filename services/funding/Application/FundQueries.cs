using Lmc.BuildingBlocks.Domain;
using Lmc.Funding.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Application;

public sealed record FundPosition(Balances Total, IReadOnlyList<(string Key, Balances Position)> ByYear, IReadOnlyList<(string Key, Balances Position)> ByCountry,
    IReadOnlyList<(string Key, Balances Position)> ByArea, int Entries);

/// <summary>Reads: every figure is summed from the ledger, so the position reconciles to it to the cent.</summary>
public sealed class FundQueries(FundingDbContext db)
{
    public async Task<FundPosition> PositionAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Ledger.AsNoTracking()
            // By year means the year the money moved (its value date), as the implementation report counts it.
            .GroupBy(e => new { e.Kind, e.ValueDate.Year, e.Country, e.PriorityArea })
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Country, g.Key.PriorityArea, Sum = g.Sum(e => e.AmountUsd), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = Balances.Of(rows.Select(r => (r.Kind, r.Sum)));
        var byYear = rows.GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Balances.Of(g.Select(r => (r.Kind, r.Sum))))).ToList();
        // Contributions belong to the fund, not to a country or an area: those lines cover grants only.
        var byCountry = rows.Where(r => r.Country is not null).GroupBy(r => r.Country!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Balances.Of(g.Select(r => (r.Kind, r.Sum))))).ToList();
        var byArea = rows.Where(r => r.PriorityArea is not null).GroupBy(r => r.PriorityArea!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Balances.Of(g.Select(r => (r.Kind, r.Sum))))).ToList();
        return new FundPosition(total, byYear, byCountry, byArea, rows.Sum(r => r.Count));
    }

    /// <summary>The entries of a grant, or of a year as the position counts it (by value date), or all.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(Guid? grantId, int? valueYear, CancellationToken cancellationToken)
    {
        var query = db.Ledger.AsNoTracking();
        query = grantId is { } id ? query.Where(e => e.GrantId == id) : query;
        query = valueYear is { } year ? query.Where(e => e.ValueDate >= new DateOnly(year, 1, 1) && e.ValueDate <= new DateOnly(year, 12, 31)) : query;
        return await query.OrderBy(e => e.Sequence).Take(5000).ToListAsync(cancellationToken);
    }

    /// <summary>A project's commitments and disbursements as IATI 2.03 transactions (types 2 and 3).</summary>
    public async Task<IReadOnlyList<LedgerEntry>> IatiTransactionsAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.Ledger.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    public async Task<(FundingCall Call, IReadOnlyDictionary<string, decimal> Committed)> CallAsync(int year, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, cancellationToken)
            ?? throw new NotFoundException("Call", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var committed = await db.Ledger.AsNoTracking().Where(e => e.Kind == LedgerKind.Commitment && e.Year == year && e.Country != null)
            .GroupBy(e => e.Country!).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountUsd) }).ToDictionaryAsync(g => g.Key, g => g.Sum, cancellationToken);
        return (call, committed);
    }

    public async Task<IReadOnlyList<FundApplication>> ApplicationsAsync(int year, string? country, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking();
        query = year == 0 ? query : query.Where(a => a.CallYear == year);
        query = country is null ? query : query.Where(a => a.Country == country);
        return await query.OrderBy(a => a.SubmittedAt).ToListAsync(cancellationToken);
    }

    public async Task<Grant> GrantAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("Grant", id.ToString());

    public async Task<IReadOnlyList<Grant>> GrantsAsync(int year, string? country, Guid? projectId, CancellationToken cancellationToken)
    {
        var query = db.Grants.AsNoTracking();
        query = year == 0 ? query : query.Where(g => g.CallYear == year);
        query = country is null ? query : query.Where(g => g.Country == country);
        query = projectId is { } p ? query.Where(g => g.ProjectId == p) : query;
        return await query.OrderBy(g => g.CallYear).ThenBy(g => g.Country).ToListAsync(cancellationToken);
    }
}
