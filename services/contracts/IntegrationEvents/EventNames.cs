using System.Collections.Frozen;
using System.Reflection;

namespace Lmc.Contracts.IntegrationEvents;

/// <summary>
/// Maps integration-event records to their versioned names and back. The outbox stores the name,
/// not the CLR type, so a stored row stays readable after the record moves.
/// </summary>
public static class EventNames
{
    private static readonly FrozenDictionary<Type, string> NameByType = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t, t => t.GetCustomAttribute<EventNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{t.FullName} has no [EventName]."));

    private static readonly FrozenDictionary<string, Type> TypeByName =
        NameByType.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every integration event the contracts define.</summary>
    public static IEnumerable<Type> All => NameByType.Keys;

    public static string Of<T>() where T : IIntegrationEvent => Of(typeof(T));

    public static string Of(Type eventType) =>
        NameByType.TryGetValue(eventType, out var name)
            ? name
            : throw new ArgumentException($"{eventType.FullName} is not an integration event.", nameof(eventType));

    public static bool TryGetType(string name, out Type eventType) =>
        TypeByName.TryGetValue(name, out eventType!);
}
