using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.HealthSurveillance.Application;
using Lmc.HealthSurveillance.Data;
using Lmc.HealthSurveillance.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC health-surveillance API");
builder.AddLmcDatabase<SurveillanceDbContext>("health-surveillance");
// Publishes only (signals, verified alerts, cross-border notices); consumes nothing yet.
builder.AddLmcMessaging<SurveillanceDbContext>(_ => { });
builder.AddSurveillanceApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<SurveillanceGrpcService>();

await app.RunServiceAsync<SurveillanceDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
