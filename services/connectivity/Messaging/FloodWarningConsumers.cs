using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Inbox;
using Lmc.Connectivity.Application;
using Lmc.Connectivity.Contracts;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Lmc.WaterResources.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Messaging;

/// <summary>
/// lmc.water-resources.warning-issued.v1 (flood and alarm): every road, rail and waterway link within the reach's
/// circle plus <see cref="FloodRisk.MarginKm"/> is put at risk (ST_DWithin on geography, so kilometres, not degrees),
/// and each link that was not at risk already publishes lmc.connectivity.link-at-risk-changed.v1.
/// </summary>
public sealed class FloodWarningIssuedConsumer(ConnectivityDbContext db, ILogger<FloodWarningIssuedConsumer> logger)
    : InboxConsumer<WarningIssued, ConnectivityDbContext>(db, logger)
{
    /// <summary>The kinds that mean water over the land; a rapid rise, a drought or a notice marks nothing.</summary>
    public static readonly string[] Kinds = ["flood", "alarm"];

    protected override async Task HandleAsync(
        WarningIssued message, ConsumeContext<WarningIssued> context, CancellationToken cancellationToken)
    {
        if (!Kinds.Contains(message.Kind) || message.Latitude is not { } lat || message.Longitude is not { } lon)
        {
            return;
        }

        await FloodRiskLinks.LockAsync(Db, cancellationToken);
        if (await Db.FloodRisks.AnyAsync(r => r.WarningId == message.WarningId, cancellationToken))
        {
            return;
        }

        var metres = (message.ReachRadiusKm + FloodRisk.MarginKm) * 1000;
        var modes = FloodRisk.Modes.Select(m => (int)m).ToArray();
        var within = await Db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM links
            WHERE mode = ANY({modes})
              AND ST_DWithin(path::geography, ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)::geography, {metres})
            """).ToListAsync(cancellationToken);
        var before = await FloodRiskLinks.AtRiskAsync(Db, cancellationToken);
        var risk = FloodRisk.Issued(message.WarningId, message.Kind, message.StationCode, message.Headline, lat, lon,
            message.ReachRadiusKm, message.ValidFrom, within);
        Db.FloodRisks.Add(risk);
        var links = await Db.Links.AsNoTracking().Where(l => risk.LinkIds.Contains(l.Id)).ToListAsync(cancellationToken);
        foreach (var link in links.Where(l => !before.ContainsKey(l.Id)))
        {
            Db.Publish(new LinkAtRiskChanged(link.Id, link.Code, Words.Of(link.Mode), true, [message.WarningId],
                message.WarningId, message.StationCode, link.OwnerCountries, message.OccurredAt), link.Id);
        }
    }
}

/// <summary>
/// lmc.water-resources.warning-lifted.v1: the warning's marks end; a link no other active warning holds is no longer
/// at risk and publishes the change. A lifting that arrives first is kept, so its late issue marks nothing.
/// </summary>
public sealed class FloodWarningLiftedConsumer(ConnectivityDbContext db, ILogger<FloodWarningLiftedConsumer> logger)
    : InboxConsumer<WarningLifted, ConnectivityDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        WarningLifted message, ConsumeContext<WarningLifted> context, CancellationToken cancellationToken)
    {
        if (!FloodWarningIssuedConsumer.Kinds.Contains(message.Kind))
        {
            return;
        }

        await FloodRiskLinks.LockAsync(Db, cancellationToken);
        var risk = await Db.FloodRisks.SingleOrDefaultAsync(r => r.WarningId == message.WarningId, cancellationToken);
        if (risk is null)
        {
            Db.FloodRisks.Add(FloodRisk.LiftedBeforeIssued(
                message.WarningId, message.Kind, message.StationCode, message.OccurredAt));
            return;
        }

        if (!risk.Active)
        {
            return;
        }

        risk.Lift(message.OccurredAt);
        var still = await FloodRiskLinks.AtRiskAsync(Db, cancellationToken, except: risk.WarningId);
        var cleared = risk.LinkIds.Where(id => !still.ContainsKey(id)).ToList();
        var links = await Db.Links.AsNoTracking().Where(l => cleared.Contains(l.Id)).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            Db.Publish(new LinkAtRiskChanged(link.Id, link.Code, Words.Of(link.Mode), false, [], message.WarningId,
                message.StationCode, link.OwnerCountries, message.OccurredAt), link.Id);
        }
    }
}
