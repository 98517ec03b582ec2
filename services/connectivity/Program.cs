using Lmc.Connectivity.Data;
using Lmc.Connectivity.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC connectivity API");
builder.AddLmcDatabase<ConnectivityDbContext>("connectivity");
builder.AddLmcMessaging<ConnectivityDbContext>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<ConnectivityGrpcService>();

await app.RunServiceAsync<ConnectivityDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
