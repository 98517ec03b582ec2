using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Meetings.Application;
using Lmc.Meetings.Data;
using Lmc.Meetings.Grpc;
using Lmc.Meetings.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC meetings API");
builder.AddLmcDatabase<MeetingsDbContext>("meetings");
builder.AddLmcMessaging<MeetingsDbContext>(bus => bus.AddConsumer<AnnualListCompiledConsumer>());
builder.AddMeetingsApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<MeetingsGrpcService>();

await app.RunServiceAsync<MeetingsDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
