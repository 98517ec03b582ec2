using Lmc.__Pascal__.Data;
using Lmc.__Pascal__.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC __name__ API");
builder.AddLmcDatabase<__Pascal__DbContext>("__name__");
builder.AddLmcMessaging<__Pascal__DbContext>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<__Pascal__GrpcService>();

await app.RunServiceAsync<__Pascal__DbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
