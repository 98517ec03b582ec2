using System.Text.Json.Nodes;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;

namespace Lmc.Subscriptions.Catalogue;

/// <summary>An event any service publishes, as its catalogue describes it.</summary>
public sealed record CataloguedEvent(
    string Name, string Service, string ReadPolicy, IReadOnlyList<string> CountryFields, IReadOnlySet<string> Fields)
{
    /// <summary>Published data: whoever may read the service may receive it; otherwise only the countries it names.</summary>
    public bool IsOperational => CountryFields.Count > 0;
}

/// <summary>
/// Every event of the platform, read from each service's committed AsyncAPI catalogue
/// (<c>services/&lt;name&gt;/Contracts/asyncapi.json</c>, copied beside the manifests): the exchanges to bind, the
/// read policy of the publisher (its manifest's) and which events are operational data of which countries. Reading the
/// published contract rather than the records keeps this service free of every other's code: a new service's events
/// are subscribable as soon as its catalogue is.
/// </summary>
public sealed class EventDirectory
{
    private readonly Dictionary<string, CataloguedEvent> _events;

    public EventDirectory(IEnumerable<CataloguedEvent> events) =>
        _events = events.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<CataloguedEvent> Events => _events.Values;

    public CataloguedEvent? Find(string name) => _events.GetValueOrDefault(name);

    public static EventDirectory FromManifests(IReadOnlyList<ServiceManifest> manifests)
    {
        var events = new List<CataloguedEvent>();
        foreach (var manifest in manifests)
        {
            var path = EventCatalogue.CommittedFile(manifest.Directory);
            if (File.Exists(path))
            {
                events.AddRange(Read(manifest, JsonNode.Parse(File.ReadAllText(path))!.AsObject()));
            }
        }

        return new EventDirectory(events);
    }

    public static IEnumerable<CataloguedEvent> Read(ServiceManifest manifest, JsonObject catalogue)
    {
        foreach (var (key, node) in catalogue["components"]?["messages"] as JsonObject ?? [])
        {
            var message = node!.AsObject();
            var countryFields = (message[EventCatalogue.OperationalExtension]?["countryFields"] as JsonArray ?? [])
                .Select(f => f!.GetValue<string>()).ToList();
            var fields = (message["payload"]?["properties"] as JsonObject ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            yield return new CataloguedEvent((string?)message["name"] ?? key, manifest.Name, manifest.ReadPolicy, countryFields, fields);
        }
    }
}
