using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.Funding.Contracts;
using Lmc.Funding.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Application;

/// <summary>A grant's life after approval: amendments, disbursements of released tranches, closure.</summary>
public sealed class GrantCommands(FundingDbContext db, Ledger ledger, TimeProvider time)
{
    public async Task<Grant> RequestAmendmentAsync(Caller caller, Guid grantId, decimal newCommitment, string reason, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(grantId, cancellationToken);
        caller.EnsureActsFor(grant.Country, "request an amendment to its own country's grant");
        grant.RequestAmendment(newCommitment, MoneyCommand.Text(reason, "reason", Grant.ReasonMaxLength), caller.Subject);
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    /// <summary>An increase must fit the envelope and the funds available; a cut releases commitment.</summary>
    public Task<Grant> ApproveAmendmentAsync(Caller caller, Guid grantId, int number, string idempotencyKey, CancellationToken cancellationToken)
    {
        MoneyCommand.RequireKey(idempotencyKey);
        var scope = MoneyCommand.Scope("approve-amendment", caller);
        var hash = MoneyCommand.Hash(grantId, number);
        return ledger.SerializedAsync(async () =>
        {
            var grant = await GrantAsync(grantId, cancellationToken);
            if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is not null)
            {
                return grant;
            }

            var now = Now;
            var delta = grant.ApproveAmendment(number, caller.Subject);
            if (delta > 0)
            {
                var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Year == grant.CallYear, cancellationToken);
                var used = await ledger.CommittedInEnvelopeAsync(grant.CallYear, grant.Country, cancellationToken);
                if (used + delta > call.EnvelopeOf(grant.Country))
                {
                    throw new RuleViolationException("call.envelope", $"The increase of USD {delta:N2} exceeds {grant.Country}'s {grant.CallYear} envelope.");
                }

                var fund = await ledger.FundAsync(cancellationToken);
                if (delta > fund.Available)
                {
                    throw new RuleViolationException("fund.insufficient", $"The fund has USD {fund.Available:N2} available; the increase of USD {delta:N2} exceeds it.");
                }
            }

            var date = DateOnly.FromDateTime(now.UtcDateTime);
            ledger.Append(LedgerKind.Commitment, delta, date, caller.Subject, now, $"Amendment {number} of the grant", grant);
            db.Publish(new CommitmentMade(grant.Id, grant.ProjectId, grant.Country, grant.PriorityArea, grant.CallYear, delta, date, "amendment", now), grant.Id);
            db.RememberIdempotentResult(scope, idempotencyKey, hash, grant.Id.ToString());
            return grant;
        }, cancellationToken);
    }

    /// <summary>
    /// A disbursement (IATI 3): only against a released tranche and never beyond it, so never
    /// beyond the grant's commitment (the grants table checks that too), under the fund's lock.
    /// </summary>
    public Task<(Grant Grant, LedgerEntry Entry)> DisburseAsync(Caller caller, Guid grantId, int number, decimal? amount, DateOnly? valueDate, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        MoneyCommand.RequireKey(idempotencyKey);
        var now = Now;
        var date = MoneyCommand.Moved(valueDate ?? DateOnly.FromDateTime(now.UtcDateTime), now, "value_date");
        var scope = MoneyCommand.Scope("disburse", caller);
        var hash = MoneyCommand.Hash(grantId, number, amount, valueDate);
        return ledger.SerializedAsync(async () =>
        {
            var grant = await GrantAsync(grantId, cancellationToken);
            if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is { } earlier)
            {
                return (grant, await db.Ledger.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(earlier), cancellationToken));
            }

            var value = grant.CheckDisbursement(number, amount);
            if (date < grant.CommittedOn)
            {
                throw new ValidationException("value_date", $"must not be before the grant's commitment on {grant.CommittedOn.ToIsoDate()}");
            }

            grant.RecordDisbursement(number, value);
            var entry = ledger.Append(LedgerKind.Disbursement, value, date, caller.Subject, now, $"Tranche {number}", grant);
            db.Publish(new DisbursementMade(grant.Id, grant.ProjectId, grant.Country, grant.PriorityArea, number, value, date, now), grant.Id);
            db.RememberIdempotentResult(scope, idempotencyKey, hash, entry.Id.ToString());
            return (grant, entry);
        }, cancellationToken);
    }

    public Task<Grant> CloseAsync(Caller caller, Guid grantId, string finalReport, string idempotencyKey, CancellationToken cancellationToken)
    {
        MoneyCommand.RequireKey(idempotencyKey);
        var report = MoneyCommand.Text(finalReport, "final_report", Grant.FinalReportMaxLength);
        var scope = MoneyCommand.Scope("close-grant", caller);
        var hash = MoneyCommand.Hash(grantId, report);
        return ledger.SerializedAsync(async () =>
        {
            var grant = await GrantAsync(grantId, cancellationToken);
            if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is not null)
            {
                return grant;
            }

            var now = Now;
            var release = grant.Close(report);
            if (release > 0)
            {
                var date = DateOnly.FromDateTime(now.UtcDateTime);
                ledger.Append(LedgerKind.Commitment, -release, date, caller.Subject, now, "Undisbursed commitment released at closure", grant);
                db.Publish(new CommitmentMade(grant.Id, grant.ProjectId, grant.Country, grant.PriorityArea, grant.CallYear, -release, date, "release", now), grant.Id);
            }

            db.RememberIdempotentResult(scope, idempotencyKey, hash, grant.Id.ToString());
            return grant;
        }, cancellationToken);
    }

    private async Task<Grant> GrantAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Grants.SingleOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("Grant", id.ToString());

    private DateTimeOffset Now => time.GetUtcNow().ToMicroseconds();
}
