using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Projects.Application;
using Lmc.Projects.Data;
using Lmc.Projects.Grpc;
using Lmc.Projects.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC projects API");
builder.AddLmcDatabase<ProjectsDbContext>("projects");
builder.AddLmcMessaging<ProjectsDbContext>(bus =>
{
    bus.AddConsumer<ProjectListRecommendedConsumer>();
    bus.AddConsumer<ProjectListAdoptedConsumer>();
    bus.AddConsumer<CommitmentMadeConsumer>();
    bus.AddConsumer<DisbursementMadeConsumer>();
    bus.AddConsumer<ImplementationReportSubmittedConsumer>();
    bus.AddConsumer<ImplementationReportCommendedConsumer>();
});
builder.AddProjectsApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<ProjectsGrpcService>();
app.MapLmcGrpcService<PlanCatalogueGrpcService>();
app.MapLmcGrpcService<AnnualListsGrpcService>();
app.MapLmcGrpcService<ProjectExportsGrpcService>();
app.MapLmcGrpcService<ProjectMonitoringGrpcService>();

await app.RunServiceAsync<ProjectsDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
