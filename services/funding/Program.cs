using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Funding.Application;
using Lmc.Funding.Data;
using Lmc.Funding.Grpc;
using Lmc.Funding.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("LMC Special Fund API");
builder.AddLmcDatabase<FundingDbContext>("funding");
builder.AddLmcMessaging<FundingDbContext>(bus => bus.AddConsumer<ProgressReportAcceptedConsumer>());
builder.AddFundingApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapLmcGrpcService<FundingGrpcService>();

await app.RunServiceAsync<FundingDbContext>(args);

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;
