using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Lmc.Testing;

/// <summary>A request as the receiver saw it: the raw body, its headers, and the status it answered.</summary>
public sealed record ReceivedWebhook(string Path, string Body, IHeaderDictionary Headers, int AnsweredWith, DateTimeOffset At)
{
    public JsonElement CloudEvent => JsonDocument.Parse(Body).RootElement;

    public string Id => Headers["webhook-id"].ToString();

    /// <summary>
    /// What an integrator runs: the Standard Webhooks verifier, which throws on a bad or stale signature. The spec lets a
    /// header carry several signatures (space-separated, during a rotation) and accepts any; the StandardWebhooks
    /// package (1.1.2) compares only the first, so each is offered to it alone, as the spec's verifiers do.
    /// </summary>
    public void Verify(string secret)
    {
        var signatures = Headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var failures = new List<Exception>();
        foreach (var signature in signatures)
        {
            var one = new HeaderDictionary(Headers.ToDictionary(h => h.Key, h => h.Value)) { ["webhook-signature"] = signature };
            try
            {
                new StandardWebhook(secret).Verify(Body, one);
                return;
            }
            catch (StandardWebhooks.Diagnostics.WebhookVerificationException e)
            {
                failures.Add(e);
            }
        }

        throw failures.FirstOrDefault() ?? new StandardWebhooks.Diagnostics.WebhookVerificationException("no signature");
    }
}

/// <summary>
/// An integrator's webhook endpoint on loopback (real Kestrel over HTTP/1.1): records every request per path and
/// answers each path as scripted (a list of statuses, then 200; or a delay before answering).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripts = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private readonly ConcurrentDictionary<string, Channel<ReceivedWebhook>> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<ReceivedWebhook>> _all = new();
    private readonly ConcurrentDictionary<string, int> _open = new();
    private readonly ConcurrentDictionary<string, int> _mostOpen = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Urls.First());
        return receiver;
    }

    /// <summary>A fresh callback path, so tests sharing the receiver never see each other's deliveries.</summary>
    public string NewCallback(out string path)
    {
        path = "/hooks/" + Guid.NewGuid().ToString("N");
        return new Uri(BaseAddress, path).ToString();
    }

    /// <summary>The next requests to <paramref name="path"/> are answered with these statuses, then 200.</summary>
    public void Answer(string path, params int[] statuses) => _scripts[path] = new ConcurrentQueue<int>(statuses);

    public void Delay(string path, TimeSpan delay) => _delays[path] = delay;

    /// <summary>The most requests to <paramref name="path"/> that were open at once.</summary>
    public int MostAtOnce(string path) => _mostOpen.GetValueOrDefault(path);

    public IReadOnlyList<ReceivedWebhook> All(string path) =>
        [.. (_all.TryGetValue(path, out var bag) ? bag : []).OrderBy(r => r.At)];

    /// <summary>The next request to <paramref name="path"/> that the receiver answered 2xx, or a timeout.</summary>
    public async Task<ReceivedWebhook> NextDeliveredAsync(string path, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var received = await Channel(path).Reader.ReadAsync(cancellation.Token);
                if (received.AnsweredWith is >= 200 and < 300)
                {
                    return received;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No delivery reached {path} within {timeout.TotalSeconds:0} s; it saw {All(path).Count} request(s).");
        }
    }

    /// <summary>Waits until nothing more arrives at <paramref name="path"/> for <paramref name="quiet"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> SettledAsync(string path, TimeSpan quiet)
    {
        var count = -1;
        while (count != All(path).Count)
        {
            count = All(path).Count;
            await Task.Delay(quiet);
        }

        return All(path);
    }

    private Channel<ReceivedWebhook> Channel(string path) =>
        _received.GetOrAdd(path, _ => System.Threading.Channels.Channel.CreateUnbounded<ReceivedWebhook>());

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (_delays.TryGetValue(path, out var delay))
        {
            var open = _open.AddOrUpdate(path, 1, (_, n) => n + 1);
            _mostOpen.AddOrUpdate(path, open, (_, most) => Math.Max(most, open));
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the sender gave up waiting
            }
            finally
            {
                _open.AddOrUpdate(path, 0, (_, n) => n - 1);
            }
        }

        var status = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var scripted) ? scripted : 200;
        var headers = new HeaderDictionary();
        foreach (var (key, value) in context.Request.Headers)
        {
            headers[key] = value;
        }

        var received = new ReceivedWebhook(path, body, headers, status, DateTimeOffset.UtcNow);
        _all.GetOrAdd(path, _ => []).Add(received);
        await Channel(path).Writer.WriteAsync(received);
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
