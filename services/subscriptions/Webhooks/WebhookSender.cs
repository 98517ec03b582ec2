using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Lmc.Subscriptions.Domain;
using Microsoft.Extensions.Options;

namespace Lmc.Subscriptions.Webhooks;

/// <summary>The outcome of one POST: the receiver's status (none if it never answered), how long it took, and why it failed.</summary>
public sealed record SendResult(bool Succeeded, int? StatusCode, TimeSpan Latency, string? Error);

/// <summary>
/// POSTs one signed CloudEvent to a callback: within the timeout, without following redirects, and connecting only to
/// public addresses unless the deployment allows private ones (checked on the resolved address, so a public name that
/// resolves to an internal address is refused too). Any 2xx is success; anything else, or no answer, is a failure.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "webhooks";

    public async Task<SendResult> SendAsync(Subscription subscription, StoredEvent stored, CancellationToken cancellationToken)
    {
        var body = WebhookMessage.Body(stored, options.Value.PublicUrl);
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.CallbackUrl)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(WebhookMessage.ContentType);
        var id = stored.Id.ToString();
        request.Headers.Add(WebhookMessage.IdHeader, id);
        request.Headers.Add(WebhookMessage.TimestampHeader, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookMessage.SignatureHeader, WebhookMessage.Signature(subscription.SigningSecrets(now), id, now, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new SendResult(true, status, Stopwatch.GetElapsedTime(started), null)
                : new SendResult(false, status, Stopwatch.GetElapsedTime(started), $"HTTP {status} from {Host(subscription)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(false, null, Stopwatch.GetElapsedTime(started),
                $"no answer from {Host(subscription)} within {options.Value.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(false, null, Stopwatch.GetElapsedTime(started), $"{Host(subscription)}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static string Host(Subscription subscription) => new Uri(subscription.CallbackUrl).Authority;

    /// <summary>The handler of the webhooks client: no redirects, no cookies, and the address check on connect.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => allowPrivate || CallbackUrl.IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no public address");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
