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
    private const decimal MaxRate = 1_000_000m;

    public async Task<ExchangeRate> RecordRateAsync(Caller caller, string currency, DateOnly valueDate, decimal usdPerUnit, CancellationToken cancellationToken)
    {
        if (!Money.IsCurrencyCode(currency) || currency == "USD")
        {
            throw new ValidationException("currency", "must be an ISO 4217 code of three capital letters, other than USD");
        }

        // numeric(18,8): a rate with more places would be rounded silently, perhaps to zero.
        if (usdPerUnit <= 0 || usdPerUnit >= MaxRate || decimal.Round(usdPerUnit, 8) != usdPerUnit)
        {
            throw new ValidationException("usd_per_unit", $"must be above 0 and below {MaxRate}, with at most eight decimal places");
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
        MoneyCommand.RequireKey(idempotencyKey);
        description = MoneyCommand.Text(description, "description", LedgerEntry.DescriptionMaxLength) ?? "";
        if (kind == LedgerKind.IncomingFunds)
        {
            // Only money received can back a commitment; a pledge may look ahead.
            MoneyCommand.Moved(valueDate, Now, "value_date");
        }
        if (Organisations.Find(organisation) is null)
        {
            throw new ValidationException("organisation", $"'{organisation}' is not one of the fund's organisations");
        }

        if (kind is not (LedgerKind.Pledge or LedgerKind.IncomingFunds) || amount.Amount <= 0)
        {
            throw new ValidationException("amount", "a contribution is a positive pledge or incoming funds");
        }

        var scope = MoneyCommand.Scope("contribution", caller);
        var hash = MoneyCommand.Hash(organisation, kind, amount.Currency, amount.Amount, valueDate, description);
        return ledger.SerializedAsync(async () =>
        {
            if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is { } earlier)
            {
                return await db.Ledger.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(earlier), cancellationToken);
            }

            var rate = await ledger.RateAsync(amount.Currency, valueDate, cancellationToken);
            var usd = decimal.Round(amount.Amount * rate, 2, MidpointRounding.AwayFromZero);
            if (usd <= 0 || usd > Money.MaxAmount)
            {
                throw new ValidationException("amount", $"is USD {usd:N2} at the {valueDate.ToIsoDate()} rate; a contribution is above 0 and at most {Money.MaxAmount:N0} in USD");
            }

            var entry = ledger.Append(kind, usd, valueDate, caller.Subject, Now, description, organisation: organisation,
                currency: amount.Currency, amount: amount.Amount, rate: rate);
            db.RememberIdempotentResult(scope, idempotencyKey, hash, entry.Id.ToString());
            return entry;
        }, cancellationToken);
    }

    public async Task<FundingCall> OpenCallAsync(Caller caller, int year, DateTimeOffset opensAt, DateTimeOffset closesAt, IReadOnlyList<CountryEnvelope> envelopes,
        CancellationToken cancellationToken)
    {
        var call = FundingCall.Open(year, opensAt, closesAt, envelopes, Now);
        if (await db.Calls.AnyAsync(c => c.Year == year, cancellationToken))
        {
            throw new ConflictException($"The {year} call is open already.");
        }

        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return call;
    }

    private DateTimeOffset Now => time.GetUtcNow().ToMicroseconds();
}
