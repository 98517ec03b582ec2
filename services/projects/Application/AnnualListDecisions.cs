using Lmc.BuildingBlocks.Domain;
using Lmc.Meetings.Contracts;
using Lmc.Projects.Contracts;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Application;

/// <summary>
/// The meetings service's decisions on an annual list, applied to the registry: the SOM's
/// recommendation, and the FMM's adoption, which adopts each listed project that is endorsed and
/// within its stage's size rule, records why for any that is not, and publishes an event per
/// adopted project. Called by the consumers inside their inbox transaction; saving is theirs.
/// </summary>
public sealed class AnnualListDecisions(ProjectsDbContext db, PlanCatalogue catalogue, ProjectSizeRules sizes, TimeProvider time)
{
    public async Task RecommendAsync(ProjectListRecommended decision, CancellationToken cancellationToken)
    {
        var list = await db.AnnualLists.SingleOrDefaultAsync(l => l.Year == decision.Year, cancellationToken)
            ?? throw new RuleViolationException("annual-list.unknown", $"The SOM recommended a {decision.Year} list this registry has not compiled.");
        list.Recommend($"{decision.Meeting} ({decision.DecisionId})", time.GetUtcNow().ToMicroseconds());
    }

    public async Task AdoptAsync(ProjectListAdopted decision, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToMicroseconds();
        var stage = catalogue.PlanFor(decision.Year)?.StageFor(decision.Year);
        var projects = await db.Projects.Where(p => decision.ProjectIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var refusals = new Dictionary<Guid, string?>();
        foreach (var id in decision.ProjectIds.Distinct())
        {
            var project = projects.SingleOrDefault(p => p.Id == id);
            if (project is null)
            {
                refusals[id] = "The registry has no such project.";
            }
            else if (project.Status == ProjectStatus.Adopted && project.AdoptedForYear == decision.Year)
            {
                refusals[id] = null;
            }
            else if (project.Status != ProjectStatus.Endorsed)
            {
                refusals[id] = $"The project is {project.Status.ToString().ToLowerInvariant()}, not endorsed.";
            }
            else if (stage is { LargeProjectsAllowed: false } && !sizes.CanConvert(project.Budget.Currency))
            {
                // Recorded, not thrown: one project must not send the whole FMM decision to the error queue.
                refusals[id] = $"No indicative USD rate for {project.Budget.Currency} is configured; the stage rule cannot be checked.";
            }
            else if (stage is not null && sizes.StageRefusal(stage, project.Budget) is { } refusal)
            {
                refusals[id] = refusal;
            }
            else
            {
                project.Adopt(decision.Year, now);
                db.Publish(new ProjectAdopted(project.Id, project.LeadCountry, project.PriorityArea, project.Version, now, decision.Year, decision.DecisionId),
                    project.Id);
                refusals[id] = null;
            }
        }

        var list = await db.AnnualLists.SingleOrDefaultAsync(l => l.Year == decision.Year, cancellationToken);
        list?.Adopt($"{decision.Meeting} ({decision.DecisionId})", refusals, now);
    }
}
