using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.HealthSurveillance.Application;
using Lmc.HealthSurveillance.Data;
using Lmc.HealthSurveillance.Grpc;
using Lmc.HealthSurveillance.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC health-surveillance API");
builder.AddLmcDatabase<SurveillanceDbContext>("health-surveillance");
// Publishes signals, verified alerts and cross-border notices; consumes water-resources' flood warnings (One Health).
builder.AddLmcMessaging<SurveillanceDbContext>(bus =>
{
    bus.AddConsumer<FloodWarningIssuedConsumer>();
    bus.AddConsumer<FloodWarningLiftedConsumer>();
});
builder.AddSurveillanceApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<SurveillanceGrpcService>();

await app.RunServiceAsync<SurveillanceDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
