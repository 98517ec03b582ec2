using Lmc.BuildingBlocks.Inbox;
using Lmc.Projects.Contracts;
using Lmc.Meetings.Data;
using Lmc.Meetings.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Meetings.Messaging;

/// <summary>
/// lmc.projects.annual-list-compiled.v1: keeps the compiled list of each year, which the SOM's
/// agenda item then carries. A list compiled again (it should not be) replaces the earlier one.
/// </summary>
public sealed class AnnualListCompiledConsumer(MeetingsDbContext db, ILogger<AnnualListCompiledConsumer> logger)
    : InboxConsumer<AnnualListCompiled, MeetingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(AnnualListCompiled message, ConsumeContext<AnnualListCompiled> context, CancellationToken cancellationToken)
    {
        var existing = await Db.CompiledLists.SingleOrDefaultAsync(l => l.Year == message.Year, cancellationToken);
        if (existing is not null)
        {
            Db.CompiledLists.Remove(existing);
            await Db.SaveChangesAsync(cancellationToken);
        }

        Db.CompiledLists.Add(CompiledList.From(message.Year, message.ProjectIds, message.OccurredAt));
    }
}
