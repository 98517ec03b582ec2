using System.Reflection;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Architecture.Tests;

/// <summary>
/// Each service's events are its own: records in its contracts project (<c>services/&lt;name&gt;/Contracts</c>), named
/// after it, referenced only by itself and by the services that consume them.
/// </summary>
public sealed class EventContractTests
{
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void A_service_references_only_its_own_events_and_those_it_consumes(string service)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var assembly = ServiceAssemblies.Of(manifest);
        var consumed = assembly.GetTypes().SelectMany(ConsumedEvents).Select(t => t.Assembly.GetName().Name!).ToHashSet();
        var eventContracts = ServiceAssemblies.Manifests.Select(ContractsOf).ToHashSet();

        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(eventContracts.Contains);

        Assert.All(referenced, name => Assert.True(name == ContractsOf(manifest) || consumed.Contains(name),
            $"{service} references {name} but consumes none of its events"));
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void A_service_publishes_events_only_under_its_own_name(string service)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var events = EventsOf(manifest);

        Assert.All(events, e => Assert.StartsWith($"lmc.{manifest.Name}.", EventNames.Of(e), StringComparison.Ordinal));
    }

    [Fact]
    public void The_shared_contracts_hold_no_service_s_events_and_no_two_events_share_a_name()
    {
        Assert.Empty(EventNames.Discover([typeof(IIntegrationEvent).Assembly]));

        var all = EventNames.Discover(ServiceAssemblies.Manifests.Select(EventAssembly).OfType<Assembly>());
        Assert.NotEmpty(all);
    }

    private static IReadOnlyList<Type> EventsOf(ServiceManifest manifest) =>
        EventAssembly(manifest) is { } assembly ? EventNames.Discover([assembly]) : [];

    private static Assembly? EventAssembly(ServiceManifest manifest)
    {
        try
        {
            return Assembly.Load(ContractsOf(manifest));
        }
        catch (FileNotFoundException)
        {
            return null; // a service that publishes nothing yet
        }
    }

    private static string ContractsOf(ServiceManifest manifest) => manifest.Project + ".Contracts";

    /// <summary>The events a type consumes: T of every IConsumer&lt;T&gt; it implements, inside a Batch&lt;T&gt; too.</summary>
    private static IEnumerable<Type> ConsumedEvents(Type type) => type.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MassTransit.IConsumer<>))
        .SelectMany(i => Unwrapped(i.GetGenericArguments()[0]))
        .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t));

    private static IEnumerable<Type> Unwrapped(Type message) =>
        message.IsGenericType ? message.GetGenericArguments().SelectMany(Unwrapped).Prepend(message) : [message];
}
