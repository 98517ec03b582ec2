namespace Lmc.Subscriptions.Domain;

/// <summary>
/// An event as it arrived from the broker, kept for a while for redelivery and replay: its id (the AMQP message id),
/// versioned name, publishing service, the aggregate it is about, its body, and the countries whose operational data it
/// is (empty for published data).
/// </summary>
public sealed class StoredEvent
{
    public Guid Id { get; init; }

    /// <summary>Its place in the log, in order of arrival (one aggregate's events arrive in order).</summary>
    public long Sequence { get; init; }
    public string Name { get; init; } = "";
    public string Service { get; init; } = "";
    public Guid AggregateId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string Payload { get; init; } = "{}";
    public List<string> OperationalCountries { get; init; } = [];
}
