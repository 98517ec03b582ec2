using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Contracts;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.AnnualLists;
using Lmc.Projects.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Application;

/// <summary>
/// The annual project list up to the SOM: opening it (the platform administrator, for the
/// secretariat), nominations by each country's secretariat for its own endorsed projects, and
/// the compilation after the deadline.
/// </summary>
public sealed class AnnualListCommands(ProjectsDbContext db, PlanCatalogue catalogue, ProjectSizeRules sizes, TimeProvider time)
{
    public async Task<AnnualList> OpenAsync(Caller caller, int year, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        catalogue.RequirePlanFor(year, "year");
        if (await db.AnnualLists.AnyAsync(l => l.Year == year, cancellationToken))
        {
            throw new ConflictException($"The annual project list for {year} is already open.");
        }

        var list = AnnualList.Open(year, deadline, time.GetUtcNow().ToMicroseconds());
        db.AnnualLists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        return list;
    }

    public async Task<AnnualList> GetAsync(int year, CancellationToken cancellationToken) =>
        await db.AnnualLists.AsNoTracking().SingleOrDefaultAsync(l => l.Year == year, cancellationToken)
        ?? throw new NotFoundException("Annual project list", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<AnnualList> NominateAsync(Caller caller, int year, Guid projectId, CancellationToken cancellationToken)
    {
        var (list, project) = await LoadAsync(year, projectId, cancellationToken);
        caller.EnsureActsFor(project.LeadCountry, $"nominate a project {project.LeadCountry} leads");
        // The stage rule is checked here too, so a list never carries a project its FMM may not adopt.
        var stage = catalogue.RequirePlanFor(year, "year").StageFor(year);
        if (sizes.StageRefusal(stage, project.Budget) is { } refusal)
        {
            throw new RuleViolationException("plan.stage-size", refusal);
        }

        list.Nominate(project, time.GetUtcNow().ToMicroseconds());
        await db.SaveChangesAsync(cancellationToken);
        return list;
    }

    public async Task<AnnualList> WithdrawAsync(Caller caller, int year, Guid projectId, CancellationToken cancellationToken)
    {
        var (list, project) = await LoadAsync(year, projectId, cancellationToken);
        caller.EnsureActsFor(project.LeadCountry, $"withdraw a project {project.LeadCountry} leads");
        list.Withdraw(projectId, time.GetUtcNow().ToMicroseconds());
        await db.SaveChangesAsync(cancellationToken);
        return list;
    }

    public async Task<AnnualList> CompileAsync(Caller caller, int year, long expectedVersion, CancellationToken cancellationToken)
    {
        var list = await db.AnnualLists.SingleOrDefaultAsync(l => l.Year == year, cancellationToken)
            ?? throw new NotFoundException("Annual project list", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        list.EnsureVersion(expectedVersion);
        var now = time.GetUtcNow().ToMicroseconds();
        list.Compile(now);
        db.Publish(new AnnualListCompiled(list.Year, [.. list.Entries.Select(e => e.ProjectId)], now), $"annual-list-{list.Year}");
        await db.SaveChangesAsync(cancellationToken);
        return list;
    }

    private async Task<(AnnualList List, Project Project)> LoadAsync(int year, Guid projectId, CancellationToken cancellationToken)
    {
        var list = await db.AnnualLists.SingleOrDefaultAsync(l => l.Year == year, cancellationToken)
            ?? throw new NotFoundException("Annual project list", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("Project", projectId.ToString());
        return (list, project);
    }
}
