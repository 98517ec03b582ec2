using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Idempotency;
using Lmc.Meetings.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Meetings.Application;

/// <summary>
/// Concludes the silence procedures whose deadline has come: each unbroken text is adopted at its
/// deadline, its effects written in the same transaction; one whose premise lapsed meanwhile (the
/// JWG was upgraded another way, the list adopted elsewhere) is recorded as not adopted, with why.
/// </summary>
public sealed partial class SilenceProcedures(MeetingsDbContext db, DecisionRules rules, DecisionEffects effects, TimeProvider time, ILogger<SilenceProcedures> logger)
{
    public async Task<int> ConcludeDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToMicroseconds();
        var due = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Status == AgendaItemStatus.Pending && i.SilenceDeadline != null && i.SilenceDeadline <= now)
            .OrderBy(i => i.SilenceDeadline)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        var concluded = 0;
        foreach (var id in due)
        {
            concluded += await ConcludeAsync(id, now, cancellationToken) ? 1 : 0;
        }

        return concluded;
    }

    private async Task<bool> ConcludeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var item = await db.AgendaItems.SingleAsync(i => i.Id == id, cancellationToken);
        var body = await db.Bodies.SingleAsync(b => b.Id == item.BodyId, cancellationToken);
        try
        {
            await rules.CheckAsync(body, new ItemSubject(item.Kind, item.Title, item.Year, item.PriorityArea, item.Level), item.Id, cancellationToken);
        }
        catch (DomainException lapsed)
        {
            item.Reject($"Silence held, but the text could not take effect at its deadline: {lapsed.Message}", now);
            await SaveOrYieldAsync(id, cancellationToken);
            return false;
        }

        if (!item.ConcludeSilence(now))
        {
            return false;
        }

        await effects.ApplyAsync(item, body, item.Parent, cancellationToken);
        if (!await SaveOrYieldAsync(id, cancellationToken))
        {
            return false;
        }

        LogAdopted(logger, item.Parent, item.SilenceDeadline);
        return true;
    }

    /// <summary>Saves; if another replica (or an objection a moment ago) got there first, its outcome stands.</summary>
    private async Task<bool> SaveOrYieldAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogConcurrent(logger, id);
            return false;
        }
        catch (DbUpdateException adoptedElsewhere) when (adoptedElsewhere.IsUniqueViolationOf("ux_agenda_items_adopted_yearly"))
        {
            // The body adopted this year's list or report by another item a moment ago.
            LogConcurrent(logger, id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silence procedure {Item} was changed concurrently; leaving it to the other writer")]
    private static partial void LogConcurrent(ILogger logger, Guid item);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silence procedure {Symbol} adopted at its deadline {Deadline}")]
    private static partial void LogAdopted(ILogger logger, string symbol, DateTimeOffset? deadline);
}
