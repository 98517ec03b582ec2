using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Application;

/// <summary>
/// The use cases of the registry: who may do what (object-level, against the project's own
/// country and area), the domain change, and its integration event, saved in one transaction.
/// </summary>
public sealed class ProjectCommands(ProjectsDbContext db, TimeProvider time)
{
    public async Task<Project> ProposeAsync(Caller caller, ProjectProposal proposal, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        caller.EnsureRole(LmcRoles.Secretariat, "propose projects");
        var valid = Project.Validate(proposal);
        caller.EnsureActsFor(valid.LeadCountry, "propose a project it leads");

        var scope = $"propose-project:{caller.Country}";
        if (!string.IsNullOrEmpty(idempotencyKey)
            && await db.FindIdempotentResultAsync(scope, idempotencyKey, requestHash, cancellationToken) is { } earlierId)
        {
            return await GetAsync(Guid.Parse(earlierId), cancellationToken);
        }

        var now = Now();
        var project = Project.Propose(valid, caller.Subject, now);
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

    public Task<Project> AdoptAsync(Caller caller, Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, project =>
        {
            // Adoption is the FMM's decision; until the meetings service delivers it as an event,
            // the platform administrator records it.
            caller.EnsureRole(LmcRoles.Admin, "record the adoption of a project");
            project.Adopt(Now());
            return new ProjectAdopted(project.Id, project.LeadCountry, project.PriorityArea, project.Version, project.UpdatedAt);
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
        caller.EnsureRole(LmcRoles.Secretariat, $"{verb} projects");
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
