using System.Reflection;
using System.Text.Json.Nodes;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Architecture.Tests.Events;

/// <summary>
/// The event catalogue: every service's AsyncAPI document is the one its records make, covers every event any
/// service publishes, and stays compatible with the catalogue it was first committed as and the last release's.
/// </summary>
public sealed class EventCatalogueTests
{
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void The_committed_catalogue_is_the_one_the_service_s_records_make(string service)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var path = Catalogues.Committed(manifest);
        var generated = Catalogues.Generated(manifest);
        if (Catalogues.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run ./lmc catalogue");
        Assert.True(File.ReadAllText(path) == generated,
            $"{Catalogues.GitPath(manifest)} is not what {service}'s event records make: run ./lmc catalogue and commit it");
    }

    [Fact]
    public void The_scaffold_s_catalogue_is_the_one_a_service_without_events_makes()
    {
        // ./lmc new-service copies this template with __name__ replaced, so it must track the generator.
        var path = Path.Combine(Catalogues.RepositoryRoot,
            "local", "templates", "service", "services", "__name__", "Contracts", Catalogues.FileName);
        var generated = EventCatalogue.Serialize(EventCatalogue.Document("__name__", []));
        if (Catalogues.Updating)
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.ReadAllText(path) == generated,
            "local/templates/service/.../Contracts/asyncapi.json is not what a service without events makes: "
            + "run ./lmc catalogue and commit it");
    }

    [Fact]
    public void The_catalogues_cover_every_event_a_service_publishes_each_under_its_publisher()
    {
        var publishers = ServiceAssemblies.Manifests
            .SelectMany(m => EventCatalogue.EventsOf(m.Project).Select(e => (Event: EventNames.Of(e), Publisher: m.Name)))
            .ToList();
        // Every contracts assembly beside the tests (they reference every service), found by its file name.
        var contracts = Directory.EnumerateFiles(AppContext.BaseDirectory, "Lmc.*.Contracts.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)));
        var everyEvent = EventNames.Discover(contracts).Select(EventNames.Of).ToHashSet();
        Assert.NotEmpty(everyEvent);

        foreach (var manifest in ServiceAssemblies.Manifests)
        {
            var channels = Channels(JsonNode.Parse(File.ReadAllText(Catalogues.Committed(manifest)))!.AsObject());
            Assert.Equal(publishers.Where(p => p.Publisher == manifest.Name).Select(p => p.Event).Order(), channels.Order());
        }

        Assert.Equal(everyEvent.Order(), publishers.Select(p => p.Event).Order());
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void The_catalogue_breaks_no_event_of_its_first_commit_or_of_the_last_release(string service)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var path = Catalogues.GitPath(manifest);
        var current = JsonNode.Parse(File.ReadAllText(Catalogues.Committed(manifest)))!.AsObject();

        var baselines = new[]
        {
            ("its first commit", Catalogues.FirstCommitOf(path)),
            ("the last release", Catalogues.ReleasedCommit()),
        };
        foreach (var (label, commit) in baselines)
        {
            if (commit is not null && Catalogues.At(commit, path) is { } released)
            {
                var breaks = SchemaCompatibility.Breaks(released, current);
                Assert.True(breaks.Count == 0,
                    $"{path} breaks {label} ({commit[..7]}); give the event a new version instead:\n" + string.Join("\n", breaks));
            }
        }
    }

    [Fact]
    public void Every_catalogue_names_its_channels_by_the_versioned_exchange_and_describes_the_payload()
    {
        foreach (var manifest in ServiceAssemblies.Manifests)
        {
            var document = JsonNode.Parse(File.ReadAllText(Catalogues.Committed(manifest)))!.AsObject();
            Assert.Equal("3.0.0", (string?)document["asyncapi"]);
            foreach (var (name, channel) in document["channels"]!.AsObject())
            {
                Assert.Equal(name, (string?)channel!["address"]);
                Assert.Equal(name, (string?)channel["bindings"]!["amqp"]!["exchange"]!["name"]);
                Assert.Equal("fanout", (string?)channel["bindings"]!["amqp"]!["exchange"]!["type"]);
                var payload = document["components"]!["messages"]![name]!["payload"]!;
                Assert.Contains("occurredAt", payload["required"]!.AsArray().Select(n => (string?)n));
            }
        }
    }

    private static IEnumerable<string> Channels(JsonObject document) =>
        document["channels"]!.AsObject().Select(p => p.Key);
}
