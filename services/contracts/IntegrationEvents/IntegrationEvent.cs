namespace Lmc.Contracts.IntegrationEvents;

/// <summary>
/// A fact one service publishes for others. Every event carries a stable, versioned name
/// (<see cref="EventNameAttribute"/>) that is its RabbitMQ exchange and its outbox type, so
/// renaming or moving the C# record never breaks a subscriber. Within a version only additive
/// changes are allowed; anything else is a new record with the next version.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>When the change happened, in UTC.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>The stable name of an integration event, e.g. <c>lmc.projects.project-submitted.v1</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The event is operational data of the countries its named fields hold (e.g. <c>nameof(Country)</c>): only
/// callers acting for one of them may receive it outside the platform (webhooks), as only they may read it. An
/// event without it is published data, for whoever may read its service. The catalogue says which is which.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OperationalDataAttribute(params string[] countryFields) : Attribute
{
    public IReadOnlyList<string> CountryFields { get; } = countryFields;
}
