using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Connectivity.Application;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Features;
using Lmc.Connectivity.Grpc;
using Lmc.Connectivity.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC connectivity API");
builder.AddLmcDatabase<ConnectivityDbContext>("connectivity", ConnectivityDbContext.UseGeometry);
// Publishes the network's changes; consumes water-resources' flood warnings (links at risk).
builder.AddLmcMessaging<ConnectivityDbContext>(bus =>
{
    bus.AddConsumer<FloodWarningIssuedConsumer>();
    bus.AddConsumer<FloodWarningLiftedConsumer>();
});
builder.AddServiceClient<Lmc.Contracts.Projects.V1.ProjectsService.ProjectsServiceClient>("projects");
builder.Services.AddScoped<ProjectRegistry>().AddScoped<NetworkCommands>().AddScoped<NetworkQueries>().AddScoped<RouteFinder>().AddScoped<Criticality>()
    .AddScoped<PowerCommands>().AddScoped<PowerQueries>().AddScoped<PlanCommands>().AddScoped<PlanQueries>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<ConnectivityGrpcService>();
app.MapFeatureEndpoints();

await app.RunServiceAsync<ConnectivityDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
