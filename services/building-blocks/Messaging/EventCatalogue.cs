using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Lmc.Contracts.IntegrationEvents;
using MassTransit.Serialization;

namespace Lmc.BuildingBlocks.Messaging;

/// <summary>
/// A service's event catalogue: an AsyncAPI 3.0 document made from its event records, so that an integrator in
/// any language knows each event's exchange, payload and headers. Channels are the versioned names (which are the
/// fanout exchanges); payloads are the JSON Schemas of the records as the bus writes them (MassTransit's
/// System.Text.Json options, raw JSON body); the headers are those MassTransit's raw serializer sets. A nullable
/// field or one with a default is optional; any other is required, which is what the compatibility check holds a
/// version to.
/// </summary>
public static class EventCatalogue
{
    public const string Path = "/asyncapi/v1.json";

    private const string AmqpBindingVersion = "0.3.0";

    /// <summary>The message extension of an event that is operational data (<see cref="OperationalDataAttribute"/>).</summary>
    public const string OperationalExtension = "x-lmc-operational";

    /// <summary>The committed catalogue's file name, in the service's contracts folder.</summary>
    public const string FileName = "asyncapi.json";

    /// <summary>A service's committed catalogue (what CI validates and compares), from its manifest's directory.</summary>
    public static string CommittedFile(string serviceDirectory) => System.IO.Path.Combine(serviceDirectory, "Contracts", FileName);

    /// <summary>The header with the id of the aggregate the event is about: one aggregate's events keep their order.</summary>
    public const string AggregateHeader = "lmc-aggregate-id";

    /// <summary>The options of the wire format, made strict where a schema needs it (nullability, required).</summary>
    private static readonly JsonSerializerOptions WireSchema = new(SystemTextJsonMessageSerializer.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The events a service publishes: those of its contracts assembly, <c>&lt;project&gt;.Contracts</c>.</summary>
    public static IReadOnlyList<Type> EventsOf(string project)
    {
        Assembly contracts;
        try
        {
            contracts = Assembly.Load(project + ".Contracts");
        }
        catch (FileNotFoundException)
        {
            return [];
        }

        return EventNames.Discover([contracts]);
    }

    /// <summary>The catalogue of <paramref name="service"/> (its manifest name) over <paramref name="events"/>.</summary>
    public static JsonObject Document(string service, IEnumerable<Type> events)
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var named = events.Select(e => (Name: EventNames.Of(e), Type: e)).OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var (name, type) in named)
        {
            channels[name] = new JsonObject
            {
                ["address"] = name,
                ["title"] = type.Name,
                ["messages"] = new JsonObject { [type.Name] = Ref($"#/components/messages/{name}") },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject
                        {
                            ["name"] = name, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/",
                        },
                        ["bindingVersion"] = AmqpBindingVersion,
                    },
                },
            };
            operations["publish." + name] = new JsonObject
            {
                ["action"] = "send",
                ["summary"] = $"{service} publishes {type.Name} on the exchange {name}, after the change is committed.",
                ["channel"] = Ref($"#/channels/{name}"),
                ["messages"] = new JsonArray(Ref($"#/channels/{name}/messages/{type.Name}")),
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject { ["deliveryMode"] = 2, ["bindingVersion"] = AmqpBindingVersion },
                },
            };
            var message = messages[name] = new JsonObject
            {
                ["name"] = name,
                ["title"] = type.Name,
                ["contentType"] = "application/json",
                ["headers"] = Ref("#/components/schemas/headers"),
                ["payload"] = PayloadSchema(type),
                ["correlationId"] = new JsonObject
                {
                    ["description"] = "The event's id, also the AMQP message_id; the same id on a redelivery.",
                    ["location"] = "$message.header#/MessageId",
                },
            };
            if (type.GetCustomAttribute<OperationalDataAttribute>() is { } operational)
            {
                // Who may receive it outside the platform: only callers acting for a country its fields name
                // (what a webhook delivery is checked against).
                message[OperationalExtension] = new JsonObject
                {
                    ["countryFields"] = new JsonArray([.. operational.CountryFields.Select(f => (JsonNode)WireName(f))]),
                };
            }
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["id"] = $"urn:lmc:events:{service}",
            ["info"] = new JsonObject
            {
                ["title"] = $"LMC {service} events",
                // The catalogue's own format; each event carries its version in its name (….v1), and within a
                // version it only grows.
                ["version"] = "1.0.0",
                ["description"] =
                    $"The integration events the {service} service publishes on RabbitMQ. Each is a fanout exchange " +
                    "named by the event's versioned name; the body is the event as JSON, its id and type are in " +
                    "the headers. Within a version an event only gains optional fields; anything else is a new " +
                    "event with the next version.",
            },
            ["defaultContentType"] = "application/json",
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "rabbitmq:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "The platform's broker (its address is the deployment's).",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject { ["headers"] = HeadersSchema() },
                ["messages"] = messages,
            },
        };
    }

    /// <summary>The document as served and committed: indented, UTF-8, one trailing newline.</summary>
    public static string Serialize(JsonObject document) => document.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";

    /// <summary>The JSON Schema of an event's body, with a title and the record's name.</summary>
    public static JsonObject PayloadSchema(Type type)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(WireSchema, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
        }).AsObject();
        schema.Insert(0, "title", type.Name);
        return schema;
    }

    private static JsonObject HeadersSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "AMQP headers (table) of every event; the body alone is the event.",
        ["required"] = new JsonArray("MessageId", "MT-MessageType"),
        ["properties"] = new JsonObject
        {
            ["MessageId"] = Uuid("The event's id (also the AMQP message_id): the key for de-duplication."),
            ["MT-MessageType"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "MassTransit's type of the record (urn:message:<namespace>:<record>); " +
                                  "subscribers should go by the exchange, the versioned name.",
            },
            [AggregateHeader] = Uuid("The aggregate the event is about (a project, an alert); its events are published in order."),
            ["ConversationId"] = Uuid("The conversation the event belongs to."),
            ["CorrelationId"] = Uuid("Set when the event answers another message."),
            ["traceparent"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                ["description"] = "W3C trace context of the request that made the change, when it was traced.",
            },
        },
    };

    private static string WireName(string property) => WireSchema.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static JsonObject Uuid(string description) =>
        new() { ["type"] = "string", ["format"] = "uuid", ["description"] = description };

    private static JsonObject Ref(string pointer) => new() { ["$ref"] = pointer };
}
