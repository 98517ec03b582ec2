using Lmc.BuildingBlocks.Domain;
using Lmc.Funding.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Application;

/// <summary>Balances, each a sum of ledger entries in USD.</summary>
public sealed record Balances(decimal Pledged, decimal Received, decimal Committed, decimal Disbursed)
{
    public decimal Available => Received - Committed;

    public decimal Undisbursed => Committed - Disbursed;

    public static Balances Of(IEnumerable<(LedgerKind Kind, decimal AmountUsd)> entries)
    {
        var list = entries.ToList();
        decimal Sum(LedgerKind kind) => list.Where(e => e.Kind == kind).Sum(e => e.AmountUsd);
        return new Balances(Sum(LedgerKind.Pledge), Sum(LedgerKind.IncomingFunds), Sum(LedgerKind.Commitment), Sum(LedgerKind.Disbursement));
    }
}

/// <summary>
/// The fund's money, moved only through here. Every money command runs in one transaction that
/// first takes the fund's advisory lock, so that the invariants are checked against balances no
/// concurrent command can change before commit: commitments never exceed the funds received (the
/// fund's balances here); disbursements never exceed a grant's commitment (the grant's own totals,
/// kept equal to its entries). Entries are appended, never updated.
/// </summary>
public sealed class Ledger(FundingDbContext db)
{
    // Any fixed number: the one lock all money movements of this database share.
    private const long FundLock = 0x4c4d435346; // "LMCSF"

    /// <summary>Runs a money command serialized with every other, in one transaction, retried on a transient failure.</summary>
    public async Task<T> SerializedAsync<T>(Func<Task<T>> command, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAsync(db, cancellationToken);
            var result = await command();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    /// <summary>The fund's lock, in the caller's transaction, until it ends.</summary>
    public static async Task LockAsync(FundingDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FundLock})", cancellationToken);

    public async Task<Balances> FundAsync(CancellationToken cancellationToken) =>
        Balances.Of((await db.Ledger.AsNoTracking().GroupBy(e => e.Kind).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountUsd) }).ToListAsync(cancellationToken))
            .Select(g => (g.Key, g.Sum)));

    /// <summary>What the call's approvals have committed in a country so far.</summary>
    public async Task<decimal> CommittedInEnvelopeAsync(int year, string country, CancellationToken cancellationToken) =>
        await db.Ledger.Where(e => e.Kind == LedgerKind.Commitment && e.Year == year && e.Country == country).SumAsync(e => e.AmountUsd, cancellationToken);

    public LedgerEntry Append(LedgerKind kind, decimal amountUsd, DateOnly valueDate, string by, DateTimeOffset now, string description,
        Grant? grant = null, string organisation = Organisations.SpecialFund, string currency = "USD", decimal? amount = null, decimal rate = 1m)
    {
        var entry = new LedgerEntry
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Organisation = organisation,
            GrantId = grant?.Id,
            ProjectId = grant?.ProjectId,
            Country = grant?.Country,
            PriorityArea = grant?.PriorityArea,
            Year = grant?.CallYear ?? valueDate.Year,
            ValueDate = valueDate,
            Currency = currency,
            Amount = amount ?? amountUsd,
            UsdRate = rate,
            AmountUsd = decimal.Round(amountUsd, 2, MidpointRounding.AwayFromZero),
            Description = description,
            RecordedAt = now,
            RecordedBy = by,
        };
        db.Ledger.Add(entry);
        return entry;
    }

    /// <summary>The rate recorded for the currency on the value date; USD is 1.</summary>
    public async Task<decimal> RateAsync(string currency, DateOnly valueDate, CancellationToken cancellationToken)
    {
        if (currency == "USD")
        {
            return 1m;
        }

        var rate = await db.ExchangeRates.AsNoTracking().SingleOrDefaultAsync(r => r.Currency == currency && r.ValueDate == valueDate, cancellationToken);
        return rate?.UsdPerUnit ?? throw new RuleViolationException("exchange-rate.missing",
            $"No {currency} rate is recorded for {valueDate.ToIsoDate()}; record the value date's rate first.");
    }
}
