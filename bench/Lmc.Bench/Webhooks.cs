using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Lmc.Bench;

/// <summary>
/// Webhooks: the platform's producer (outbox, dispatcher, MassTransit) publishes <c>ProjectSubmitted</c>; the
/// subscriptions service (its Release build, as deployed, default delivery options) takes it from its intake queue,
/// logs it, and posts a signed CloudEvent to a receiver in this process (Kestrel on loopback, HTTP/1.1, answering 200
/// at once). Latency from the producer's commit returned to the receiver having read the request.
/// </summary>
public static class Webhooks
{
    public const string EventType = "lmc.projects.project-submitted.v1";

    public static async Task<List<EventResult>> RunAsync(Infra infra, Service identity, Service subscriptions,
        int throughputCount, IReadOnlyList<(int Rate, int Count)> paced)
    {
        await using var receiver = await Receiver.StartAsync();
        using var http = new HttpClient();
        var token = await Platform.TokenAsync(http, identity, "dev-th-integrator");
        var subscribe = new HttpRequestMessage(HttpMethod.Post, subscriptions.Http + "/api/v1/subscriptions")
        {
            Content = JsonContent.Create(new
            {
                description = "bench receiver",
                eventTypes = new[] { EventType },
                callbackUrl = receiver.Url,
            }),
        };
        subscribe.Headers.Authorization = new("Bearer", token);
        var created = await http.SendAsync(subscribe);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"subscribing failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        await using var producer = await Producer.CreateAsync(infra);
        await producer.StartAsync();
        return await Events.RunAsync("webhooks", producer.Produce, throughputCount, paced);
    }

    /// <summary>An integrator's endpoint: notes when each event's CloudEvent arrived (by its data's projectId) and answers 200.</summary>
    private sealed class Receiver(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<Receiver> StartAsync()
        {
            var port = Infra.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1));
            var app = builder.Build();
            app.MapPost("/hooks", async context =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                var projectId = body.RootElement.GetProperty("data").GetProperty("projectId").GetGuid();
                Clock.Effected.TryAdd(projectId, Stopwatch.GetTimestamp());
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
            await app.StartAsync();
            return new Receiver(app, $"http://127.0.0.1:{port}/hooks");
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
