using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.Funding.Contracts;
using Lmc.Funding.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Application;

/// <summary>
/// Applications: submitted by a secretariat for its own country's adopted project, appraised by a
/// fund manager, approved by another (a grant and its commitment, within the envelope and the
/// funds available, eligibility asked again) or rejected. The eligibility question is asked before
/// anything is written, so an unreachable projects service leaves no trace.
/// </summary>
public sealed class ApplicationCommands(FundingDbContext db, Ledger ledger, ProjectEligibility eligibility, TimeProvider time)
{
    public async Task<FundApplication> SubmitAsync(Caller caller, int callYear, Guid projectId, decimal requestedUsd, string idempotencyKey, CancellationToken cancellationToken)
    {
        MoneyCommand.RequireKey(idempotencyKey);
        var scope = MoneyCommand.Scope("submit-application", caller);
        var hash = MoneyCommand.Hash(callYear, projectId, requestedUsd);
        if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is { } earlier)
        {
            return await GetAsync(Guid.Parse(earlier), cancellationToken);
        }

        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Year == callYear, cancellationToken)
            ?? throw new NotFoundException("Call", callYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var project = await eligibility.RequireAdoptedAsync(projectId, cancellationToken);
        caller.EnsureActsFor(project.LeadCountry, "apply for a project its country leads");
        if (await db.Applications.AnyAsync(a => a.CallYear == callYear && a.ProjectId == projectId, cancellationToken))
        {
            return await SameRequestOrConflictAsync();
        }

        var application = FundApplication.Submit(call, project, requestedUsd, caller.Subject, Now);
        db.Applications.Add(application);
        db.RememberIdempotentResult(scope, idempotencyKey, hash, application.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException race) when (race.IsIdempotencyRace() || race.IsUniqueViolationOf(FundApplication.OnePerCallIndex))
        {
            // A concurrent submission for the same project saved first. The applications row is
            // written before the key, so the race can show on either index.
            db.ChangeTracker.Clear();
            return await SameRequestOrConflictAsync();
        }

        return application;

        // The project has its application: this request's own (a retry that raced the first), or another's.
        async Task<FundApplication> SameRequestOrConflictAsync() =>
            await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is { } earlier
                ? await GetAsync(Guid.Parse(earlier), cancellationToken)
                : throw new ConflictException($"Project {projectId} has an application under the {callYear} call already.");
    }

    public async Task<FundApplication> AppraiseAsync(Caller caller, Guid id, int relevance, int feasibility, int regionalBenefit, int sustainability, string? note,
        long expectedVersion, CancellationToken cancellationToken)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Application", id.ToString());
        application.EnsureVersion(expectedVersion);
        application.Appraise(new Appraisal(relevance, feasibility, regionalBenefit, sustainability,
            MoneyCommand.Text(note, "note", FundApplication.NoteMaxLength), caller.Subject, Now));
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public async Task<FundApplication> RejectAsync(Caller caller, Guid id, string note, long expectedVersion, CancellationToken cancellationToken)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Application", id.ToString());
        application.EnsureVersion(expectedVersion);
        application.Reject(MoneyCommand.Text(note, "note", FundApplication.NoteMaxLength, required: true)!);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>The grant and its commitment (IATI 2), in one serialized money transaction.</summary>
    public async Task<(FundApplication Application, Grant Grant)> ApproveAsync(Caller caller, Guid id, IReadOnlyList<decimal> tranches, DateOnly? valueDate,
        string idempotencyKey, long expectedVersion, CancellationToken cancellationToken)
    {
        MoneyCommand.RequireKey(idempotencyKey);
        var now = Now;
        if (valueDate is { } given)
        {
            MoneyCommand.Moved(given, now, "value_date");
        }

        var scope = MoneyCommand.Scope("approve-application", caller);
        var hash = MoneyCommand.Hash(id, tranches, valueDate);
        var before = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Application", id.ToString());
        if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is { } earlierGrant)
        {
            return (before, await db.Grants.AsNoTracking().SingleAsync(g => g.Id == Guid.Parse(earlierGrant), cancellationToken));
        }

        // What the fund can refuse on its own comes before the question to projects.
        before.EnsureApprovableBy(caller.Subject);
        // Asked again at approval: the project may have been cancelled since it applied.
        await eligibility.RequireAdoptedAsync(before.ProjectId, cancellationToken);

        return await ledger.SerializedAsync(async () =>
        {
            if (await db.FindIdempotentResultAsync(scope, idempotencyKey, hash, cancellationToken) is { } raced)
            {
                return (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken),
                    await db.Grants.AsNoTracking().SingleAsync(g => g.Id == Guid.Parse(raced), cancellationToken));
            }

            var application = await db.Applications.SingleAsync(a => a.Id == id, cancellationToken);
            application.EnsureVersion(expectedVersion);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Year == application.CallYear, cancellationToken);
            var date = valueDate ?? DateOnly.FromDateTime(now.UtcDateTime);
            var grant = Grant.Create(application, tranches, date, now);
            application.Approve(grant.Id, caller.Subject);

            var envelope = call.EnvelopeOf(application.Country);
            var used = await ledger.CommittedInEnvelopeAsync(call.Year, application.Country, cancellationToken);
            if (used + grant.CommittedUsd > envelope)
            {
                throw new RuleViolationException("call.envelope", $"{application.Country}'s {call.Year} envelope is USD {envelope:N2}, of which USD {used:N2} is committed; USD {grant.CommittedUsd:N2} does not fit.");
            }

            var fund = await ledger.FundAsync(cancellationToken);
            if (grant.CommittedUsd > fund.Available)
            {
                throw new RuleViolationException("fund.insufficient", $"The fund has USD {fund.Available:N2} received and not committed; USD {grant.CommittedUsd:N2} exceeds it.");
            }

            db.Grants.Add(grant);
            ledger.Append(LedgerKind.Commitment, grant.CommittedUsd, date, caller.Subject, now, $"Grant for {application.ProjectTitle} ({call.Year} call)", grant);
            db.Publish(new CommitmentMade(grant.Id, grant.ProjectId, grant.Country, grant.PriorityArea, grant.CallYear, grant.CommittedUsd, date, "original", now), grant.Id);
            db.RememberIdempotentResult(scope, idempotencyKey, hash, grant.Id.ToString());
            return (application, grant);
        }, cancellationToken);
    }

    public async Task<FundApplication> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Application", id.ToString());

    private DateTimeOffset Now => time.GetUtcNow().ToMicroseconds();
}
