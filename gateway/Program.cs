using Lmc.BuildingBlocks.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostDefaults();
builder.Services.AddServiceDiscovery();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseHostDefaults();
// Every route names its policy; anything unmatched falls to the fallback policy (authenticated
// callers only) and then to 404: nothing is reachable by accident.
app.MapReverseProxy();

await app.RunAsync();

/// <summary>Entry point; public so tests can host the gateway.</summary>
public partial class Program;
