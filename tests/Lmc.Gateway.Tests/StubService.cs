using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lmc.Gateway.Tests;

/// <summary>
/// What stands behind the gateway in these tests: a real HTTP server on loopback that answers
/// every request and remembers what reached it, so a test can prove a refused request did not.
/// </summary>
public sealed class StubService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubService(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, IHeaderDictionary Headers)> Received { get; } = new();

    public Uri Address { get; private set; } = null!;

    public Uri GrpcAddress { get; private set; } = null!;

    public int Count(string pathPrefix) => Received.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static async Task<StubService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // REST on HTTP/1.1 and gRPC on h2c, as a service listens.
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubService(app);
        app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));
        app.Map("/{**path}", (HttpContext http) =>
        {
            stub.Received.Enqueue((http.Request.Method, http.Request.Path.Value ?? "", new HeaderDictionary(http.Request.Headers.ToDictionary())));
            return Results.Ok(new { reached = http.Request.Path.Value });
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        stub.Address = new Uri(addresses[0]);
        stub.GrpcAddress = new Uri(addresses[1]);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
