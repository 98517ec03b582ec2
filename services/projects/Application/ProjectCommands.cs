using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Projects.Contracts;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.Catalogue;
using Lmc.Projects.Domain.Iati;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lmc.Projects.Application;

/// <summary>
/// The use cases of the registry: who may do what (object-level, against the project's own
/// country and area), the domain change, and its integration event, saved in one transaction.
/// </summary>
public sealed class ProjectCommands(ProjectsDbContext db, PlanCatalogue catalogue, IOptions<IatiOptions> iati, TimeProvider time)
{
    private string IatiPrefix => iati.Value.ReportingOrgRef;

    public async Task<Project> ProposeAsync(Caller caller, ProjectProposal proposal, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        // Whose project it is comes first: a foreign caller learns nothing about the rest.
        if (MemberCountries.IsMember(proposal.LeadCountry))
        {
            caller.EnsureActsFor(proposal.LeadCountry!, "propose a project it leads");
        }

        var valid = Project.Validate(proposal, catalogue, IatiPrefix);

        var scope = $"propose-project:{caller.Country}";
        if (!string.IsNullOrEmpty(idempotencyKey)
            && await db.FindIdempotentResultAsync(scope, idempotencyKey, requestHash, cancellationToken) is { } earlierId)
        {
            return await GetAsync(Guid.Parse(earlierId), cancellationToken);
        }

        if (valid.IatiIdentifier is { } identifier && await db.Projects.AnyAsync(p => p.IatiIdentifier == identifier, cancellationToken))
        {
            throw new ConflictException($"The IATI identifier '{identifier}' is already used by another activity.");
        }

        var now = Now();
        var project = Project.Propose(valid, caller.Subject, IatiPrefix, now);
        db.Projects.Add(project);
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            db.RememberIdempotentResult(scope, idempotencyKey, requestHash, project.Id.ToString());
        }

        db.Publish(new ProjectProposed(
            project.Id, project.LeadCountry, project.PartnerCountries, project.PriorityArea, project.Title,
            project.Budget.Currency, project.Budget.Amount, project.PlannedStart, project.PlannedEnd, project.Version, now), project.Id);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException duplicate) when (duplicate.IsUniqueViolationOf("ux_projects_iati_identifier"))
        {
            throw new ConflictException($"The IATI identifier '{project.IatiIdentifier}' is already used by another activity.");
        }
        catch (DbUpdateException race) when (race.IsIdempotencyRace())
        {
            // The same key was saved by a concurrent request an instant earlier: answer with its result.
            db.ChangeTracker.Clear();
            var winner = await db.FindIdempotentResultAsync(scope, idempotencyKey!, requestHash, cancellationToken);
            return await GetAsync(Guid.Parse(winner!), cancellationToken);
        }

        return project;
    }

    public async Task<Project> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException("Project", id.ToString());

    public Task<Project> SubmitAsync(Caller caller, Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            EnsureLeadSecretariat(caller, project, "submit");
            project.Submit(Now());
            return new ProjectSubmitted(project.Id, project.LeadCountry, project.PriorityArea, project.Version, project.UpdatedAt);
        }, cancellationToken);

    public Task<Project> EndorseAsync(Caller caller, Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            if (!caller.IsJwgMember(project.PriorityArea))
            {
                throw new ForbiddenException($"Only members of the {project.PriorityArea} joint working group may endorse this project.");
            }

            project.Endorse(caller.Subject, Now());
            return new ProjectEndorsed(project.Id, project.LeadCountry, project.PriorityArea, caller.Subject, project.Version, project.UpdatedAt);
        }, cancellationToken);

    /// <summary>
    /// Refused, always: a project is adopted only when the FMM adopts the annual project list it
    /// is on (<see cref="AnnualListDecisions"/>). Kept so that old clients get the rule, not 404.
    /// </summary>
    public async Task<Project> AdoptAsync(Guid id, CancellationToken cancellationToken)
    {
        var project = await GetAsync(id, cancellationToken);
        throw new RuleViolationException("project.adopted-only-by-list",
            $"Project {project.Id} is adopted only with the annual project list the FMM adopts (para 5); nominate it for its year's list.");
    }

    public Task<Project> ReviseBudgetAsync(Caller caller, Guid id, long expectedVersion, BudgetLineInput budget, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            EnsureLeadSecretariat(caller, project, "revise the budget of");
            project.ReviseBudget(budget, Now());
            var line = project.BudgetLines[^1];
            return new ProjectBudgetRevised(project.Id, project.LeadCountry, line.Value.Currency, line.Value.Amount,
                line.PeriodStart, line.PeriodEnd, line.ValueDate, project.Version, project.UpdatedAt);
        }, cancellationToken);

    public Task<Project> StartAsync(Caller caller, Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            EnsureLeadSecretariat(caller, project, "start");
            project.Start(Now());
            return new ProjectStarted(project.Id, project.LeadCountry, project.PriorityArea, project.Version, project.UpdatedAt);
        }, cancellationToken);

    public Task<Project> CompleteAsync(Caller caller, Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            EnsureLeadSecretariat(caller, project, "complete");
            project.Complete(Now());
            return new ProjectCompleted(project.Id, project.LeadCountry, project.PriorityArea, project.Version, project.UpdatedAt);
        }, cancellationToken);

    public Task<Project> CancelAsync(Caller caller, Guid id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            EnsureLeadSecretariat(caller, project, "cancel");
            project.Cancel(reason, Now());
            return new ProjectCancelled(project.Id, project.LeadCountry, project.PriorityArea, project.CancellationReason!, project.Version, project.UpdatedAt);
        }, cancellationToken);

    private DateTimeOffset Now() => time.GetUtcNow().ToMicroseconds();

    private static void EnsureLeadSecretariat(Caller caller, Project project, string verb)
    {
        caller.EnsureActsFor(project.LeadCountry, $"{verb} a project {project.LeadCountry} leads");
    }

    private async Task<Project> ChangeAsync<TEvent>(Guid id, long expectedVersion, Func<Project, TEvent> change, CancellationToken cancellationToken)
        where TEvent : class, IIntegrationEvent
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Project", id.ToString());
        project.EnsureVersion(expectedVersion);
        db.Publish(change(project), project.Id);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }
}
