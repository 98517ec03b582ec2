using Lmc.BuildingBlocks.Inbox;
using Lmc.HealthSurveillance.Data;
using Lmc.HealthSurveillance.Domain;
using Lmc.WaterResources.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lmc.HealthSurveillance.Messaging;

/// <summary>
/// lmc.water-resources.warning-issued.v1: a flood (or a flood alarm) at a station puts each first-level unit of its
/// reach under heightened surveillance of the diseases that follow floods (Seed/flood-watch.json). Other kinds of
/// warning (drought, a rapid rise alone, urgent notices) and units this service does not know mark nothing.
/// </summary>
public sealed class FloodWarningIssuedConsumer(SurveillanceDbContext db, ReferenceData reference, FloodWatchRules rules,
    ILogger<FloodWarningIssuedConsumer> logger) : InboxConsumer<WarningIssued, SurveillanceDbContext>(db, logger)
{
    protected override async Task HandleAsync(WarningIssued message, ConsumeContext<WarningIssued> context, CancellationToken cancellationToken)
    {
        if (!rules.WarningKinds.Contains(message.Kind))
        {
            return;
        }

        var marked = await Db.HeightenedSurveillance.Where(h => h.WarningId == message.WarningId).Select(h => h.Unit).ToListAsync(cancellationToken);
        foreach (var unit in message.ReachUnits.Distinct().Select(reference.Unit).OfType<AdminUnit>().Where(u => !marked.Contains(u.Code)))
        {
            Db.HeightenedSurveillance.Add(HeightenedSurveillance.Start(message.WarningId, unit, message.Kind, message.StationCode, message.Headline,
                rules.Diseases, message.ValidFrom));
        }
    }
}

/// <summary>
/// lmc.water-resources.warning-lifted.v1: the flood is over at the station; its units stay under watch for the
/// weeks after that the rules give (the diseases' incubation), then the watch ends. The two events reach two queues,
/// so the lifting can come first: its units are then marked from the lifting, and the late issue finds them marked.
/// </summary>
public sealed class FloodWarningLiftedConsumer(SurveillanceDbContext db, ReferenceData reference, FloodWatchRules rules,
    ILogger<FloodWarningLiftedConsumer> logger) : InboxConsumer<WarningLifted, SurveillanceDbContext>(db, logger)
{
    protected override async Task HandleAsync(WarningLifted message, ConsumeContext<WarningLifted> context, CancellationToken cancellationToken)
    {
        if (!rules.WarningKinds.Contains(message.Kind))
        {
            return;
        }

        var watches = await Db.HeightenedSurveillance.Where(h => h.WarningId == message.WarningId).ToListAsync(cancellationToken);
        foreach (var unit in message.ReachUnits.Distinct().Select(reference.Unit).OfType<AdminUnit>().Where(u => watches.All(w => w.Unit != u.Code)))
        {
            var early = HeightenedSurveillance.Start(message.WarningId, unit, message.Kind, message.StationCode,
                $"{message.Kind} warning at {message.StationCode} (lifted: {message.Reason})", rules.Diseases, message.OccurredAt);
            Db.HeightenedSurveillance.Add(early);
            watches.Add(early);
        }

        foreach (var watch in watches.Where(w => w.Until is null))
        {
            watch.End(message.OccurredAt, rules.WeeksAfterLifting);
        }
    }
}
