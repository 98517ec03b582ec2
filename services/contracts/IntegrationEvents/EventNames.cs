using System.Collections.Frozen;
using System.Reflection;

namespace Lmc.Contracts.IntegrationEvents;

/// <summary>
/// Maps integration-event records to their versioned names and back. The outbox stores the name,
/// not the CLR type, so a stored row stays readable after the record moves. The records live in each
/// publishing service's own contracts project (<c>services/&lt;name&gt;/Contracts</c>, assembly
/// <c>Lmc.&lt;Name&gt;.Contracts</c>); the ones an application can see are those beside it, so a new service's
/// events need no list here.
/// </summary>
public static class EventNames
{
    private static readonly Lazy<FrozenDictionary<Type, string>> NameByType = new(() => Discover(ContractAssemblies())
        .ToFrozenDictionary(t => t, t => t.GetCustomAttribute<EventNameAttribute>()!.Name));

    private static readonly Lazy<FrozenDictionary<string, Type>> TypeByName = new(() =>
        NameByType.Value.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal));

    /// <summary>Every integration event of the contracts beside the application.</summary>
    public static IEnumerable<Type> All => NameByType.Value.Keys;

    public static string Of<T>() where T : IIntegrationEvent => Of(typeof(T));

    public static string Of(Type eventType) =>
        NameByType.Value.TryGetValue(eventType, out var name)
            ? name
            : eventType.GetCustomAttribute<EventNameAttribute>()?.Name
              ?? throw new ArgumentException($"{eventType.FullName} is not an integration event (it has no [EventName]).", nameof(eventType));

    public static bool TryGetType(string name, out Type eventType) =>
        TypeByName.Value.TryGetValue(name, out eventType!);

    /// <summary>
    /// The integration events of the given assemblies, checked: every one has a name, and no two share one
    /// (two services claiming one exchange would each receive the other's messages).
    /// </summary>
    public static IReadOnlyList<Type> Discover(IEnumerable<Assembly> assemblies)
    {
        var events = assemblies.Distinct()
            .SelectMany(ExportedTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToList();
        var unnamed = events.Where(t => t.GetCustomAttribute<EventNameAttribute>() is null).Select(t => t.FullName).ToList();
        if (unnamed.Count > 0)
        {
            throw new InvalidOperationException($"Integration events without [EventName]: {string.Join(", ", unnamed)}.");
        }

        var clashes = events.GroupBy(t => t.GetCustomAttribute<EventNameAttribute>()!.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(t => t.FullName))})")
            .ToList();
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException($"Integration events sharing a name: {string.Join("; ", clashes)}.");
        }

        return events;
    }

    /// <summary>This assembly and every <c>Lmc.*.Contracts</c> assembly in the application's folder.</summary>
    private static IEnumerable<Assembly> ContractAssemblies()
    {
        yield return typeof(IIntegrationEvent).Assembly;
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "Lmc.*.Contracts.dll"))
        {
            yield return Assembly.Load(AssemblyName.GetAssemblyName(path));
        }
    }

    private static IEnumerable<Type> ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
