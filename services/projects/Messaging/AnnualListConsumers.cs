using Lmc.BuildingBlocks.Inbox;
using Lmc.Meetings.Contracts;
using Lmc.Projects.Application;
using Lmc.Projects.Data;
using MassTransit;

namespace Lmc.Projects.Messaging;

/// <summary>lmc.meetings.project-list-recommended.v1: the SOM recommended a year's list.</summary>
public sealed class ProjectListRecommendedConsumer(ProjectsDbContext db, AnnualListDecisions decisions, ILogger<ProjectListRecommendedConsumer> logger)
    : InboxConsumer<ProjectListRecommended, ProjectsDbContext>(db, logger)
{
    protected override Task HandleAsync(ProjectListRecommended message, ConsumeContext<ProjectListRecommended> context, CancellationToken cancellationToken) =>
        decisions.RecommendAsync(message, cancellationToken);
}

/// <summary>lmc.meetings.project-list-adopted.v1: the FMM adopted a year's list; its projects are adopted.</summary>
public sealed class ProjectListAdoptedConsumer(ProjectsDbContext db, AnnualListDecisions decisions, ILogger<ProjectListAdoptedConsumer> logger)
    : InboxConsumer<ProjectListAdopted, ProjectsDbContext>(db, logger)
{
    protected override Task HandleAsync(ProjectListAdopted message, ConsumeContext<ProjectListAdopted> context, CancellationToken cancellationToken) =>
        decisions.AdoptAsync(message, cancellationToken);
}
