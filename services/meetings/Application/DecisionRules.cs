using Lmc.BuildingBlocks.Domain;
using Lmc.Meetings.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Meetings.Application;

/// <summary>
/// What a body may be asked to decide (para 5, para 6), checked when an item is put to it and
/// again when it is adopted: a project list or a report reaches the FMM or the Leaders only after
/// the SOM recommended it; the SOM recommends only a list the projects service compiled; a JWG
/// upgrade must raise the group's level. Returns the project ids an annual-list item carries.
/// </summary>
public sealed class DecisionRules(MeetingsDbContext db)
{
    public async Task<IReadOnlyList<Guid>> CheckAsync(Body body, ItemSubject subject, Guid? exceptItem, CancellationToken cancellationToken)
    {
        switch (subject.Kind)
        {
            case AgendaItemKind.AnnualProjectList:
            case AgendaItemKind.ImplementationReport:
                return await CheckYearlyAsync(body, subject, exceptItem, cancellationToken);
            case AgendaItemKind.JwgUpgrade:
                if (body.Kind is not (BodyKind.SeniorOfficials or BodyKind.ForeignMinisters or BodyKind.Leaders))
                {
                    throw new RuleViolationException("jwg.upgrade-body", "A JWG is upgraded by consensus of the six at the SOM, the FMM or the Leaders' Meeting.");
                }

                var jwg = await db.Bodies.SingleOrDefaultAsync(b => b.Id == Body.JwgId(subject.PriorityArea!), cancellationToken)
                    ?? throw new NotFoundException("Joint working group", subject.PriorityArea!);
                jwg.EnsureUpgradable(subject.Level!.Value);
                return [];
            default:
                return [];
        }
    }

    private async Task<IReadOnlyList<Guid>> CheckYearlyAsync(Body body, ItemSubject subject, Guid? exceptItem, CancellationToken cancellationToken)
    {
        var year = subject.Year!.Value;
        var what = subject.Kind == AgendaItemKind.AnnualProjectList ? $"the {year} project list" : $"the {year} implementation report";
        var decidedByBody = await db.AgendaItems.AnyAsync(i => i.Kind == subject.Kind && i.Year == year && i.BodyId == body.Id
            && i.Status == AgendaItemStatus.Adopted && i.Id != exceptItem, cancellationToken);
        if (decidedByBody)
        {
            throw new ConflictException($"{body.Name} has already decided on {what}.");
        }

        if (body.Kind == BodyKind.SeniorOfficials)
        {
            if (subject.Kind != AgendaItemKind.AnnualProjectList)
            {
                return [];
            }

            var compiled = await db.CompiledLists.AsNoTracking().SingleOrDefaultAsync(l => l.Year == year, cancellationToken)
                ?? throw new RuleViolationException("annual-list.not-compiled", $"The projects service has not compiled {what}; the SOM can only recommend a compiled list.");
            return compiled.ProjectIds;
        }

        if (!body.IsMinisterialOrAbove)
        {
            throw new RuleViolationException("item.wrong-body", $"Only the SOM recommends and the FMM or the Leaders' Meeting adopts {what}.");
        }

        // Para 5: through the Senior Officials' Meeting to the FMM.
        var recommendation = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Kind == subject.Kind && i.Year == year && i.BodyId == StandardBodies.SeniorOfficials && i.Status == AgendaItemStatus.Adopted)
            .OrderByDescending(i => i.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException("para5.not-recommended", $"{what} reaches {body.Name} only after the SOM recommended it (Plan of Action para 5).");
        var adoptedElsewhere = await db.AgendaItems.AnyAsync(i => i.Kind == subject.Kind && i.Year == year && i.Id != exceptItem
            && (i.BodyId == StandardBodies.ForeignMinisters || i.BodyId == StandardBodies.Leaders) && i.Status == AgendaItemStatus.Adopted, cancellationToken);
        if (adoptedElsewhere)
        {
            throw new ConflictException($"{what} has already been adopted.");
        }

        return recommendation.ProjectIds;
    }
}
