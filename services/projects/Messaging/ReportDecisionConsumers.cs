using Lmc.BuildingBlocks.Inbox;
using Lmc.Meetings.Contracts;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Messaging;

/// <summary>lmc.meetings.implementation-report-submitted.v1: the SOM sent the year's report to the FMM.</summary>
public sealed class ImplementationReportSubmittedConsumer(ProjectsDbContext db, TimeProvider time, ILogger<ImplementationReportSubmittedConsumer> logger)
    : InboxConsumer<ImplementationReportSubmitted, ProjectsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ImplementationReportSubmitted message, ConsumeContext<ImplementationReportSubmitted> context, CancellationToken cancellationToken) =>
        (await ReportDecisions.ForYearAsync(Db, message.Year, time, cancellationToken)).SubmittedBy = message.Meeting;
}

/// <summary>lmc.meetings.implementation-report-commended.v1: the FMM commended the year's report.</summary>
public sealed class ImplementationReportCommendedConsumer(ProjectsDbContext db, TimeProvider time, ILogger<ImplementationReportCommendedConsumer> logger)
    : InboxConsumer<ImplementationReportCommended, ProjectsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ImplementationReportCommended message, ConsumeContext<ImplementationReportCommended> context, CancellationToken cancellationToken) =>
        (await ReportDecisions.ForYearAsync(Db, message.Year, time, cancellationToken)).CommendedBy = message.Meeting;
}

internal static class ReportDecisions
{
    public static async Task<ReportDecision> ForYearAsync(ProjectsDbContext db, int year, TimeProvider time, CancellationToken cancellationToken)
    {
        var decision = await db.ReportDecisions.SingleOrDefaultAsync(d => d.Year == year, cancellationToken);
        if (decision is null)
        {
            decision = new ReportDecision { Year = year };
            db.ReportDecisions.Add(decision);
        }

        decision.UpdatedAt = time.GetUtcNow();
        return decision;
    }
}
