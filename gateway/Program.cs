using Lmc.BuildingBlocks.Hosting;
using Lmc.Gateway.Edge;
using Lmc.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostDefaults();
builder.AddGatewayEdge();
builder.AddContractRouting();

var app = builder.Build();

app.UseGatewayEdge();
app.UseHostDefaults(afterAuthentication: () => app.UseRateLimiter());
app.MapGatewayPages();
// Every route names its policy; anything unmatched falls to the fallback policy (authenticated
// callers only) and then to 404: nothing is reachable by accident.
app.MapReverseProxy();

await app.RunAsync();

/// <summary>Entry point; public so tests can host the gateway.</summary>
public partial class Program;
