using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Contracts;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lmc.WaterResources.Application;

/// <summary>How long a country may leave an active warning unacknowledged before it is escalated.</summary>
public sealed class WarningOptions
{
    public const string Section = "Warnings";

    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the sweep looks for copies to escalate and notices that ran out.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Urgent notices, acknowledgements, and the sweep that escalates what nobody acknowledged.</summary>
public sealed class WarningCommands(
    WaterResourcesDbContext db, Catalogue catalogue, TimeProvider time, IOptions<WarningOptions> options)
{
    public const int MaxNoticeDays = 15;

    /// <summary>
    /// An unusual rise or fall announced by the station's country (China's notices of releases from the Lancang
    /// reservoirs): a warning of its own kind, active from now until its announced end.
    /// </summary>
    public async Task<Warning> IssueNoticeAsync(
        Caller caller,
        string? code,
        ChangeDirection? direction,
        double change,
        DateTimeOffset from,
        DateTimeOffset until,
        string? reason,
        CancellationToken ct)
    {
        var station = catalogue.RequireStation(code);
        Stewards.EnsureMayReportFor(caller, station, "urgent notices");
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        if (direction is null)
        {
            errors.Add("direction", "is rise or fall");
        }

        if (!double.IsFinite(change) || change <= 0 || change > 30)
        {
            errors.Add("expected_change_m", "is the expected change in metres, above 0 and at most 30");
        }

        if (from == default || until == default || until <= from || until <= now
            || until - from > TimeSpan.FromDays(MaxNoticeDays))
        {
            errors.Add(
                "until",
                $"the notice needs from and until, until after from and after now, at most {MaxNoticeDays} days apart");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            errors.Add(
                "reason",
                "is required (at most 500 characters): why the level will change, "
                    + "e.g. a release from Jinghong reservoir");
        }

        errors.ThrowIfAny();
        var word = direction == ChangeDirection.Rise ? "rise" : "fall";
        var warning = Warning.Issue(
            station,
            WarningKind.UrgentNotice,
            $"Urgent notice from {MemberCountries.NameOf(station.Country)}: "
                + $"a {word} of {change:0.00} m expected at {station.Name}",
            $"{reason!.Trim()}. Expected from {from.ToUniversalTime():yyyy-MM-dd HH:mm} "
                + $"to {until.ToUniversalTime():yyyy-MM-dd HH:mm} UTC at "
                + $"{station.Name} ({station.Code}, {station.River}). Reach: {string.Join(", ", station.ReachUnits)}.",
            direction == ChangeDirection.Rise ? change : -change,
            null,
            null,
            from.ToUniversalTime(),
            null,
            until.ToUniversalTime(),
            now);
        db.Warnings.Add(warning);
        db.Publish(StationMonitor.Issued(warning, station), warning.Id);
        await db.SaveChangesAsync(ct);
        return warning;
    }

    public async Task<(Warning Warning, Delivery Delivery)> AcknowledgeAsync(
        Caller caller, Guid id, string? note, CancellationToken ct)
    {
        var country = Stewards.EnsureMayAcknowledge(caller);
        var warning = await db.Warnings.Include(w => w.Deliveries).SingleOrDefaultAsync(w => w.Id == id, ct)
            ?? throw new NotFoundException("warning", id.ToString());
        var delivery = warning.Deliveries.Single(d => d.Country == country);
        if (delivery.Acknowledge(caller.Subject, note, time.GetUtcNow()))
        {
            db.Publish(
                new WarningAcknowledged(
                    warning.Id,
                    Words.Of(warning.Kind),
                    warning.StationCode,
                    country,
                    caller.Subject,
                    delivery.AcknowledgedAt!.Value),
                warning.Id);
            await db.SaveChangesAsync(ct);
        }

        return (warning, delivery);
    }

    /// <summary>
    /// Escalates each member's copy of an active warning left unacknowledged past the escalation time (once), and
    /// lifts urgent notices whose time ran out. Run by <see cref="WarningSweep"/>; safe to run from several replicas
    /// at once.
    /// </summary>
    /// <returns>How many copies were escalated and notices lifted.</returns>
    public async Task<(int Escalated, int Lifted)> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = now - options.Value.EscalateAfter;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One sweeper at a time across replicas; the others find nothing to do on their turn.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('water-resources:sweep'))", ct);
        var copies = await db.Deliveries
            .Where(d => d.AcknowledgedAt == null && d.EscalatedAt == null && d.DeliveredAt <= due)
            .Join(
                db.Warnings.Where(w => w.LiftedAt == null),
                d => d.WarningId,
                w => w.Id,
                (d, w) => new { Delivery = d, Warning = w })
            .OrderBy(x => x.Delivery.DeliveredAt).Take(500).ToListAsync(ct);
        foreach (var copy in copies)
        {
            copy.Delivery.Escalate(now);
            db.Publish(
                new WarningEscalated(
                    copy.Warning.Id,
                    Words.Of(copy.Warning.Kind),
                    copy.Warning.StationCode,
                    copy.Delivery.Country,
                    copy.Delivery.DeliveredAt,
                    Math.Round((now - copy.Delivery.DeliveredAt).TotalHours, 2),
                    now),
                copy.Warning.Id);
        }

        var expired = await db.Warnings
            .Where(w => w.LiftedAt == null && w.ValidUntil != null && w.ValidUntil <= now)
            .ToListAsync(ct);
        foreach (var notice in expired)
        {
            notice.Lift($"its announced end passed ({notice.ValidUntil:yyyy-MM-dd HH:mm} UTC)", now);
            db.Publish(StationMonitor.Lifted(notice), notice.Id);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (copies.Count, expired.Count);
    }
}

/// <summary>Runs the warning sweep on the options' period.</summary>
public sealed partial class WarningSweep(
    IServiceScopeFactory scopes, IOptions<WarningOptions> options, TimeProvider time, ILogger<WarningSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (escalated, lifted) = await scope.ServiceProvider.GetRequiredService<WarningCommands>()
                    .SweepAsync(stoppingToken);
                if (escalated + lifted > 0)
                {
                    LogSwept(logger, escalated, lifted);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database may be restarting; the next tick tries again.
                LogFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Escalated {Escalated} unacknowledged warning copies; lifted {Lifted} expired notices")]
    private static partial void LogSwept(ILogger logger, int escalated, int lifted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warning sweep failed; it runs again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
