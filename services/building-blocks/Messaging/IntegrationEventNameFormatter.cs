using Lmc.Contracts.IntegrationEvents;
using MassTransit;

namespace Lmc.BuildingBlocks.Messaging;

/// <summary>
/// Names the RabbitMQ exchange of an integration event by its versioned name
/// (<c>lmc.projects.project-submitted.v1</c>) instead of its CLR type, so publishers and
/// subscribers in different codebases and languages agree on it.
/// </summary>
public sealed class IntegrationEventNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>() =>
        typeof(IIntegrationEvent).IsAssignableFrom(typeof(T)) && !typeof(T).IsInterface
            ? EventNames.Of(typeof(T))
            : fallback.FormatEntityName<T>();
}
