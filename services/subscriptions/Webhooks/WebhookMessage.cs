using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Lmc.Subscriptions.Domain;
using StandardWebhooks;

namespace Lmc.Subscriptions.Webhooks;

/// <summary>
/// What a receiver gets: the event as a CloudEvent 1.0 in structured JSON (<c>application/cloudevents+json</c>), signed
/// per Standard Webhooks: <c>webhook-id</c> (the event's id, the same on every retry and redelivery, to de-duplicate
/// on), <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> (<c>v1,&lt;base64 HMAC-SHA256&gt;</c> of
/// <c>id.timestamp.body</c>, one per signing secret, space-separated while a rotated secret overlaps).
/// </summary>
public static class WebhookMessage
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private static readonly JsonEventFormatter Formatter = new();

    public static CloudEvent CloudEventOf(StoredEvent stored, Uri publicUrl)
    {
        using var payload = JsonDocument.Parse(stored.Payload);
        return new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = stored.Id.ToString(),
            Source = new Uri($"/lmc/{stored.Service}", UriKind.Relative),
            Type = stored.Name,
            Subject = stored.AggregateId == Guid.Empty ? null : stored.AggregateId.ToString(),
            Time = stored.OccurredAt,
            DataContentType = "application/json",
            DataSchema = new Uri(publicUrl, $"/asyncapi/{stored.Service}.json#/components/messages/{stored.Name}/payload"),
            Data = payload.RootElement.Clone(),
        };
    }

    /// <summary>The body as sent.</summary>
    public static string Body(StoredEvent stored, Uri publicUrl) =>
        Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(CloudEventOf(stored, publicUrl), out _).Span);

    public static string ContentType => "application/cloudevents+json; charset=utf-8";

    public static string Signature(IReadOnlyList<string> secrets, string id, DateTimeOffset timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(id, timestamp, body)));

    /// <summary>A new signing secret, in the Standard Webhooks form: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
