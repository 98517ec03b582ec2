using Lmc.Meetings.Contracts;
using Lmc.Meetings.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Meetings.Application;

/// <summary>
/// What an adopted decision does, in the transaction that adopts it: a JWG's level rises, and the
/// events that act on other services go to the outbox (every decision; and typed ones for the
/// project list, the report and the upgrade).
/// </summary>
public sealed class DecisionEffects(MeetingsDbContext db)
{
    public async Task ApplyAsync(AgendaItem item, Body body, string meeting, CancellationToken cancellationToken)
    {
        var decision = item.Decision ?? throw new InvalidOperationException("The item is not adopted.");
        var at = decision.AdoptedAt;
        db.Publish(new DecisionAdopted(item.Id, body.Id, meeting, KindName(item.Kind), item.Title,
            decision.Method == DecisionMethod.Silence ? "silence" : "in-meeting", decision.Symbol,
            [.. decision.Reservations.Select(r => r.Country)], at), item.Id);

        var recommends = body.Kind == BodyKind.SeniorOfficials;
        switch (item.Kind)
        {
            case AgendaItemKind.AnnualProjectList when recommends:
                db.Publish(new ProjectListRecommended(item.Id, meeting, item.Year!.Value, item.ProjectIds, at), item.Id);
                break;
            case AgendaItemKind.AnnualProjectList:
                db.Publish(new ProjectListAdopted(item.Id, meeting, item.Year!.Value, item.ProjectIds, at), item.Id);
                break;
            case AgendaItemKind.ImplementationReport when recommends:
                db.Publish(new ImplementationReportSubmitted(item.Id, meeting, item.Year!.Value, at), item.Id);
                break;
            case AgendaItemKind.ImplementationReport:
                db.Publish(new ImplementationReportCommended(item.Id, meeting, item.Year!.Value, at), item.Id);
                break;
            case AgendaItemKind.JwgUpgrade:
                var jwg = await db.Bodies.SingleAsync(b => b.Id == Body.JwgId(item.PriorityArea!), cancellationToken);
                jwg.Upgrade(item.Level!.Value);
                db.Publish(new JwgUpgraded(item.Id, meeting, item.PriorityArea!, LevelName(item.Level!.Value), at), item.Id);
                break;
        }
    }

    public static string KindName(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.AnnualProjectList => "annual-project-list",
        AgendaItemKind.ImplementationReport => "implementation-report",
        AgendaItemKind.JwgUpgrade => "jwg-upgrade",
        _ => "general",
    };

    public static string LevelName(JwgLevel level) => level switch
    {
        JwgLevel.WorkingGroup => "working-group",
        JwgLevel.SeniorOfficials => "senior-officials",
        JwgLevel.Ministerial => "ministerial",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a JWG level."),
    };
}
