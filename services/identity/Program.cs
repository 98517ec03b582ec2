using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Identity.Application;
using Lmc.Identity.Data;
using Lmc.Identity.Grpc;
using Lmc.Identity.Tokens;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC identity API");
builder.AddLmcDatabase<IdentityDbContext>("identity", db => db.UseOpenIddict());
builder.AddLmcMessaging<IdentityDbContext>();
builder.AddLmcTokenServer();
builder.Services.AddScoped<ClientAdministration>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapPost("/connect/token", TokenEndpoint.IssueAsync).AllowAnonymous();
app.MapLmcGrpcService<IdentityAdminGrpcService>();

await app.RunServiceAsync<IdentityDbContext>(args, afterMigrations: TokenServer.PrepareAsync);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
