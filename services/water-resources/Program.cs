using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.WaterResources.Application;
using Lmc.WaterResources.Data;
using Lmc.WaterResources.Features;
using Lmc.WaterResources.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC water-resources API");
builder.AddLmcDatabase<WaterResourcesDbContext>("water-resources");
builder.AddLmcMessaging<WaterResourcesDbContext>();
builder.AddWaterApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<WaterResourcesGrpcService>();
app.MapCapEndpoints();
app.MapSensorThingsEndpoints();
app.MapDatastreamExport();

await app.RunServiceAsync<WaterResourcesDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
