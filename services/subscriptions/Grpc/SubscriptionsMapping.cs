using Google.Protobuf.WellKnownTypes;
using Lmc.Subscriptions.Application;
using Lmc.Subscriptions.Domain;
using Proto = Lmc.Contracts.Subscriptions.V1;

namespace Lmc.Subscriptions.Grpc;

/// <summary>Domain to proto and back; no rules here.</summary>
internal static class SubscriptionsMapping
{
    public static Proto.Subscription ToProto(this Subscription s)
    {
        var proto = new Proto.Subscription
        {
            SubscriptionId = s.Id.ToString(),
            Description = s.Description,
            CallbackUrl = s.CallbackUrl,
            Status = s.Status == SubscriptionStatus.Active ? Proto.SubscriptionStatus.Active : Proto.SubscriptionStatus.Disabled,
            DisabledReason = s.DisabledReason ?? "",
            ConsecutiveFailures = s.ConsecutiveFailures,
            Subscriber = s.Subscriber.Subject,
            SubscriberCountry = s.Subscriber.Country ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
            PreviousSecretExpiresAt = s.PreviousSecretExpiresAt is { } until ? Timestamp.FromDateTimeOffset(until) : null,
            Version = s.Version,
        };
        proto.EventTypes.AddRange(s.EventPatterns);
        proto.Filters.AddRange(s.Filters.Select(f => new Proto.FieldFilter { Field = f.Field, Values = { f.Values } }));
        return proto;
    }

    public static Proto.Delivery ToProto(this DeliveryLogEntry entry)
    {
        var d = entry.Delivery;
        var proto = new Proto.Delivery
        {
            DeliveryId = d.Id.ToString(),
            EventId = d.EventId.ToString(),
            EventType = d.EventName,
            Status = d.Status switch
            {
                DeliveryStatus.Pending => Proto.DeliveryStatus.Pending,
                DeliveryStatus.Delivered => Proto.DeliveryStatus.Delivered,
                _ => Proto.DeliveryStatus.Failed,
            },
            Attempts = d.Attempts,
            CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
            NextAttemptAt = d.Status == DeliveryStatus.Pending ? Timestamp.FromDateTimeOffset(d.NextAttemptAt) : null,
            CompletedAt = d.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
            LastError = d.LastError ?? "",
            Reason = d.Reason,
        };
        proto.AttemptLog.AddRange(entry.Attempts.Select(a => new Proto.DeliveryAttempt
        {
            Number = a.Number,
            At = Timestamp.FromDateTimeOffset(a.At),
            StatusCode = a.StatusCode ?? 0,
            LatencyMs = a.LatencyMs,
            Error = a.Error ?? "",
            Succeeded = a.Succeeded,
        }));
        return proto;
    }

    public static DeliveryStatus? FromProto(Proto.DeliveryStatus status) => status switch
    {
        Proto.DeliveryStatus.Pending => DeliveryStatus.Pending,
        Proto.DeliveryStatus.Delivered => DeliveryStatus.Delivered,
        Proto.DeliveryStatus.Failed => DeliveryStatus.Failed,
        _ => null,
    };

    public static FieldFilter FromProto(Proto.FieldFilter filter) => new(filter.Field.Trim(), [.. filter.Values.Select(v => v.Trim())]);
}
