using System.Text;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.Funding.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Application;

/// <summary>The fund managers' work on the fund itself: exchange rates, contributions, calls.</summary>
public sealed class FundCommands(FundingDbContext db, Ledger ledger, TimeProvider time)
{
    public async Task<ExchangeRate> RecordRateAsync(Caller caller, string currency, DateOnly valueDate, decimal usdPerUnit, CancellationToken cancellationToken)
    {
        caller.EnsureRole(LmcRoles.FundManager, "record exchange rates");
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper) || currency == "USD")
        {
            throw new ValidationException("currency", "must be an ISO 4217 code other than USD");
        }

        if (usdPerUnit <= 0)
        {
            throw new ValidationException("usd_per_unit", "must be positive");
        }

        if (await db.ExchangeRates.AnyAsync(r => r.Currency == currency && r.ValueDate == valueDate, cancellationToken))
        {
            throw new ConflictException($"A {currency} rate for {valueDate.ToIsoDate()} is recorded already; rates are not changed once entries may use them.");
        }

        var rate = new ExchangeRate { Currency = currency, ValueDate = valueDate, UsdPerUnit = usdPerUnit, RecordedAt = Now, RecordedBy = caller.Subject };
        db.ExchangeRates.Add(rate);
        await db.SaveChangesAsync(cancellationToken);
        return rate;
    }

    /// <summary>A pledge or incoming funds, converted to USD at the value date's rate.</summary>
    public Task<LedgerEntry> RecordContributionAsync(Caller caller, string organisation, LedgerKind kind, Money amount, DateOnly valueDate, string description,
        string idempotencyKey, CancellationToken cancellationToken)
    {
        caller.EnsureRole(LmcRoles.FundManager, "record contributions");
        RequireKey(idempotencyKey);
        if (Organisations.Find(organisation) is null)
        {
            throw new ValidationException("organisation", $"'{organisation}' is not one of the fund's organisations");
        }

        if (kind is not (LedgerKind.Pledge or LedgerKind.IncomingFunds) || amount.Amount <= 0)
        {
            throw new ValidationException("amount", "a contribution is a positive pledge or incoming funds");
        }

        var hash = IdempotencyExtensions.Hash(Encoding.UTF8.GetBytes($"{organisation}|{kind}|{amount.Currency}|{amount.Amount}|{valueDate}"));
        return ledger.SerializedAsync(async () =>
        {
            if (await db.FindIdempotentResultAsync("contribution", idempotencyKey, hash, cancellationToken) is { } earlier)
            {
                return await db.Ledger.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(earlier), cancellationToken);
            }

            var rate = await ledger.RateAsync(amount.Currency, valueDate, cancellationToken);
            var entry = ledger.Append(kind, amount.Amount * rate, valueDate, caller.Subject, Now, description, organisation: organisation,
                currency: amount.Currency, amount: amount.Amount, rate: rate);
            db.RememberIdempotentResult("contribution", idempotencyKey, hash, entry.Id.ToString());
            return entry;
        }, cancellationToken);
    }

    public async Task<FundingCall> OpenCallAsync(Caller caller, int year, DateTimeOffset opensAt, DateTimeOffset closesAt, IReadOnlyList<CountryEnvelope> envelopes,
        CancellationToken cancellationToken)
    {
        caller.EnsureRole(LmcRoles.FundManager, "open calls");
        var call = FundingCall.Open(year, opensAt, closesAt, envelopes, Now);
        if (await db.Calls.AnyAsync(c => c.Year == year, cancellationToken))
        {
            throw new ConflictException($"The {year} call is open already.");
        }

        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return call;
    }

    public static void RequireKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ValidationException("idempotency_key", "is required on every money command, so that a retry has one effect");
        }
    }

    private DateTimeOffset Now => time.GetUtcNow().ToMicroseconds();
}
