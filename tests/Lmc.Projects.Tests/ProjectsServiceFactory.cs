using Lmc.Meetings.Contracts;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Messaging;
using MassTransit;
using Lmc.Projects.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lmc.Projects.Tests;

/// <summary>
/// The projects service in-process, on its own database and vhost of the real PostgreSQL and
/// RabbitMQ, with migrations applied at start as in a local run.
/// </summary>
public class ProjectsServiceFactory : ServiceFactory<Program, ProjectsDbContext>
{
    protected override string DatabaseName => "projects";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
    }

    public ProjectsService.ProjectsServiceClient GrpcClient() => new(Channel());

    /// <summary>
    /// Adopts projects the way the platform does: the meetings service's FMM decision, published
    /// on the broker and applied by the service's own consumer. Waits until it is applied.
    /// </summary>
    public async Task<Guid> AdoptThroughFmmAsync(int year, params string[] projectIds)
    {
        var decision = Guid.NewGuid();
        var ids = projectIds.Select(Guid.Parse).ToList();
        await Services.GetRequiredService<IBus>().Publish(new ProjectListAdopted(decision, "LMC/FMM.test", year, ids, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.Consumer == nameof(ProjectListAdoptedConsumer)
            && db.Projects.Where(p => ids.Contains(p.Id)).All(p => p.Status != Domain.ProjectStatus.Endorsed))), because: "the FMM's adoption to be applied");
        return decision;
    }

    public Task<List<string>> EventNamesOfAsync(string projectId) => OutboxEventsOfAsync(Guid.Parse(projectId));
}

[CollectionDefinition(Name)]
public sealed class ProjectsServiceGroup : ICollectionFixture<ProjectsServiceFactory>
{
    public const string Name = "projects service";
}
