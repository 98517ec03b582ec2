using Lmc.BuildingBlocks.Inbox;
using Lmc.Projects.Contracts;
using Lmc.Funding.Application;
using Lmc.Funding.Data;
using Lmc.Funding.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Messaging;

/// <summary>
/// lmc.projects.progress-report-accepted.v1: the project's JWG accepted a progress report, which
/// releases the next tranche waiting for one in each of the project's active grants. Reports
/// accepted before a grant existed release nothing of it, even when their news arrives late.
/// </summary>
public sealed class ProgressReportAcceptedConsumer(FundingDbContext db, ILogger<ProgressReportAcceptedConsumer> logger)
    : InboxConsumer<ProgressReportAccepted, FundingDbContext>(db, logger)
{
    protected override async Task HandleAsync(ProgressReportAccepted message, ConsumeContext<ProgressReportAccepted> context, CancellationToken cancellationToken)
    {
        // Serialized with the money commands, so a disbursement never loses to this on the grant's version.
        await Ledger.LockAsync(Db, cancellationToken);
        var grants = await Db.Grants.Where(g => g.ProjectId == message.ProjectId && g.Status == GrantStatus.Active).ToListAsync(cancellationToken);
        foreach (var grant in grants)
        {
            grant.ReleaseNextTranche(message.ReportId, message.OccurredAt);
        }
    }
}
