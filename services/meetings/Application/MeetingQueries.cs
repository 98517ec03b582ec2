using Lmc.BuildingBlocks.Domain;
using Lmc.Meetings.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lmc.Meetings.Application;

/// <summary>Reads: bodies, meetings with their agendas, decisions and the cadence report.</summary>
public sealed class MeetingQueries(MeetingsDbContext db, IOptions<MeetingsOptions> options, TimeProvider time)
{
    /// <summary>The framework's layers from the top (the kind is stored by name, so ordered here).</summary>
    public async Task<IReadOnlyList<Body>> BodiesAsync(CancellationToken cancellationToken) =>
        [.. (await db.Bodies.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(b => b.Kind).ThenBy(b => b.Id, StringComparer.Ordinal)];

    public async Task<(Meeting Meeting, IReadOnlyList<AgendaItem> Agenda)> MeetingAsync(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Meeting", id.ToString());
        var agenda = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Number).ToListAsync(cancellationToken);
        return (meeting, agenda);
    }

    public async Task<IReadOnlyList<Meeting>> MeetingsAsync(string? bodyId, int? year, CancellationToken cancellationToken)
    {
        var query = db.Meetings.AsNoTracking();
        if (!string.IsNullOrEmpty(bodyId))
        {
            query = query.Where(m => m.BodyId == bodyId);
        }

        if (year is { } y)
        {
            query = query.Where(m => m.StartDate >= new DateOnly(y, 1, 1) && m.StartDate <= new DateOnly(y, 12, 31));
        }

        return await query.OrderBy(m => m.StartDate).ThenBy(m => m.BodyId).ToListAsync(cancellationToken);
    }

    public async Task<AgendaItem> ItemAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
        ?? throw new NotFoundException("Agenda item", id.ToString());

    /// <summary>Adopted decisions, in meetings and by silence, oldest first.</summary>
    public async Task<IReadOnlyList<AgendaItem>> DecisionsAsync(string? bodyId, int? year, CancellationToken cancellationToken)
    {
        var query = db.AgendaItems.AsNoTracking().Where(i => i.Status == AgendaItemStatus.Adopted);
        if (!string.IsNullOrEmpty(bodyId))
        {
            query = query.Where(i => i.BodyId == bodyId);
        }

        var items = await query.ToListAsync(cancellationToken);
        return [.. items.Where(i => year is null || i.Decision!.AdoptedAt.Year == year).OrderBy(i => i.Decision!.AdoptedAt)];
    }

    public async Task<CadenceReport> CadenceAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.Planned)
            .Select(m => new { m.BodyId, m.StartDate })
            .ToListAsync(cancellationToken);
        var date = asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Cadence.Evaluate(options.Value.Cadence, [.. held.Select(m => (m.BodyId, m.StartDate))], date);
    }
}
