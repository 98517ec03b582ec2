using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Subscriptions.Application;
using Lmc.Subscriptions.Data;
using Lmc.Subscriptions.Grpc;
using Lmc.Subscriptions.Messaging;

var builder = WebApplication.CreateBuilder(args);
var events = SubscriptionsRegistrations.Directory();

builder.AddServiceDefaults("LMC subscriptions API");
builder.AddLmcDatabase<SubscriptionsDbContext>("subscriptions");
builder.AddLmcMessaging<SubscriptionsDbContext>(bus => IntakeTopology.Register(bus, events));
builder.AddSubscriptionsApplication(events);

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<SubscriptionsGrpcService>();

await app.RunServiceAsync<SubscriptionsDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
