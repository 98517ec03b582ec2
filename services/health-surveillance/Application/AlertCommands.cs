using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.HealthSurveillance.Contracts;
using Lmc.HealthSurveillance.Data;
using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.HealthSurveillance.Application;

/// <summary>
/// The focal point's work on an alert in its own country, and the cross-border notice: when an
/// alert in a border unit is verified, the countries across that border get a notice in their
/// inbox and an event, in the transaction of the verification (one event hop).
/// </summary>
public sealed class AlertCommands(SurveillanceDbContext db, ReferenceData reference, TimeProvider time)
{
    public async Task<Alert> VerifyAsync(Caller caller, Guid alertId, VerificationOutcome outcome, string note, long expectedVersion, CancellationToken cancellationToken)
    {
        var alert = await OwnAlertAsync(caller, alertId, expectedVersion, "verify", cancellationToken);
        var now = Now;
        alert.Verify(outcome, note, caller.Subject, now);
        if (outcome == VerificationOutcome.Assess)
        {
            db.Publish(new AlertVerified(alert.Id, alert.Disease, alert.Unit, alert.Country, alert.FirstWeek, alert.LastWeek, now), alert.Id);
            await NotifyAcrossBordersAsync(alert, now, cancellationToken);
        }
        else if (outcome == VerificationOutcome.Discard)
        {
            db.Publish(new AlertClosed(alert.Id, alert.Disease, alert.Unit, alert.Country, "discarded", now), alert.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return alert;
    }

    public async Task<Alert> AssessAsync(Caller caller, Guid alertId, RiskLevel level, IhrAnnex2 criteria, string note, long expectedVersion,
        CancellationToken cancellationToken)
    {
        var alert = await OwnAlertAsync(caller, alertId, expectedVersion, "assess", cancellationToken);
        var now = Now;
        var ihr = criteria with { AlwaysNotifiable = reference.Disease(alert.Disease)?.IhrAlwaysNotifiable ?? false };
        alert.AssessRisk(level, ihr, note, caller.Subject, now);
        db.Publish(new AlertRiskAssessed(alert.Id, alert.Disease, alert.Unit, alert.Country, level.ToString(), alert.WhoNotificationDue is not null, alert.WhoNotificationDue, now), alert.Id);
        await db.SaveChangesAsync(cancellationToken);
        return alert;
    }

    public async Task<Alert> RespondAsync(Caller caller, Guid alertId, string actions, long expectedVersion, CancellationToken cancellationToken)
    {
        var alert = await OwnAlertAsync(caller, alertId, expectedVersion, "respond to", cancellationToken);
        alert.Respond(actions, caller.Subject, Now);
        await db.SaveChangesAsync(cancellationToken);
        return alert;
    }

    public async Task<Alert> CloseAsync(Caller caller, Guid alertId, string note, long expectedVersion, CancellationToken cancellationToken)
    {
        var alert = await OwnAlertAsync(caller, alertId, expectedVersion, "close", cancellationToken);
        var now = Now;
        alert.Close(note, caller.Subject, now);
        db.Publish(new AlertClosed(alert.Id, alert.Disease, alert.Unit, alert.Country, "closed", now), alert.Id);
        await db.SaveChangesAsync(cancellationToken);
        return alert;
    }

    public async Task<CrossBorderNotice> AcknowledgeAsync(Caller caller, Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await db.CrossBorderNotices.SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken)
            ?? throw new NotFoundException("Cross-border notice", noticeId.ToString());
        caller.EnsureActsFor(notice.ToCountry, "acknowledge a notice sent to it");
        notice.Acknowledge(caller.Subject, Now);
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    private async Task NotifyAcrossBordersAsync(Alert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unit = reference.Unit(alert.Unit)!;
        var disease = reference.Disease(alert.Disease)!;
        var byCountry = reference.FacingUnits(alert.Unit)
            .Select(code => reference.Unit(code)!)
            .Where(u => u.Country != alert.Country)
            .GroupBy(u => u.Country);
        var already = await db.CrossBorderNotices.Where(n => n.AlertId == alert.Id).Select(n => n.ToCountry).ToListAsync(cancellationToken);
        foreach (var country in byCountry.Where(g => !already.Contains(g.Key)))
        {
            var facing = country.Select(u => u.Code).ToList();
            var notice = new CrossBorderNotice
            {
                Id = Guid.CreateVersion7(now),
                AlertId = alert.Id,
                FromCountry = alert.Country,
                ToCountry = country.Key,
                Unit = unit.Code,
                UnitName = unit.Name,
                FacingUnits = facing,
                Disease = alert.Disease,
                Week = alert.LastWeek,
                Summary = $"{MemberCountries.NameOf(alert.Country)} verified a {disease.Name} alert in {unit.Name} ({unit.Code}), weeks {alert.FirstWeek} to {alert.LastWeek}; "
                    + $"it faces {string.Join(", ", country.Select(u => $"{u.Name} ({u.Code})"))}.",
                SentAt = now,
            };
            db.CrossBorderNotices.Add(notice);
            db.Publish(new CrossBorderNoticeSent(notice.Id, alert.Id, alert.Disease, alert.Country, unit.Code, country.Key, facing, alert.LastWeek, now), alert.Id);
        }
    }

    private async Task<Alert> OwnAlertAsync(Caller caller, Guid alertId, long expectedVersion, string action, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken)
            ?? throw new NotFoundException("Alert", alertId.ToString());
        caller.EnsureActsFor(alert.Country, $"{action} an alert in its own units");
        alert.EnsureVersion(expectedVersion);
        return alert;
    }

    private DateTimeOffset Now => time.GetUtcNow().ToMicroseconds();
}
