using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Projects.Application;
using Lmc.Projects.Data;
using Lmc.Projects.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC projects API");
builder.AddLmcDatabase<ProjectsDbContext>("projects");
builder.AddLmcMessaging<ProjectsDbContext>();
builder.Services.AddScoped<ProjectCommands>();
builder.Services.AddScoped<ProjectQueries>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapGrpcService<ProjectsGrpcService>();

await app.RunServiceAsync<ProjectsDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
