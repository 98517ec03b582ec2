using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Projects.Contracts;
using Lmc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Lmc.BuildingBlocks.Tests;

/// <summary>
/// The catalogue describes what is on the wire: an event relayed by the outbox, read off the broker by a plain
/// AMQP client (as an integrator in another language would), has the headers and body its AsyncAPI schemas say.
/// </summary>
public sealed class WireFormatTests : IAsyncLifetime
{
    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private IsolatedInfrastructure _infrastructure = null!;
    private string _db = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _db = await TestDbContext.CreateSchemaAsync(_infrastructure, "wire");
    }

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task A_relayed_event_has_the_headers_and_body_its_catalogue_describes()
    {
        var name = EventNames.Of<ProjectSubmitted>();
        var catalogue = EventCatalogue.Document("projects", [typeof(ProjectSubmitted)]);
        var headersSchema = Schema(catalogue["components"]!["schemas"]!["headers"]!);
        var payloadSchema = Schema(catalogue["components"]!["messages"]![name]!["payload"]!);
        Assert.Equal(name, (string?)catalogue["channels"]![name]!["address"]);

        await using var connection = await new ConnectionFactory { Uri = new Uri(_infrastructure.RabbitMqUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, name, "");

        using var host = MessagingTestHost.Build(_db, _infrastructure);
        await host.StartAndWaitForBusAsync();
        try
        {
            var id = Guid.NewGuid();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                db.Publish(MessagingTestHost.Submitted(id, 3), id);
                await db.SaveChangesAsync();
            }

            var delivery = await NextAsync(channel, queue.QueueName, TimeSpan.FromSeconds(20));
            var headers = Headers(delivery.BasicProperties);
            var body = JsonNode.Parse(delivery.Body.Span)!;

            AssertValid(headersSchema, headers, "headers");
            AssertValid(payloadSchema, body, "payload");
            Assert.Equal(id, (Guid?)body["projectId"]);
            Assert.Equal(3, (long?)body["version"]);
            Assert.Equal("application/json", delivery.BasicProperties.ContentType);
            // The correlation id the catalogue names ($message.header#/MessageId) is the AMQP message id too.
            Assert.Equal(delivery.BasicProperties.MessageId, (string?)headers["MessageId"]);
            // The aggregate the event is about, which webhook deliveries keep in order by.
            Assert.Equal(id.ToString(), (string?)headers[EventCatalogue.AggregateHeader]);

            // And the schema is no formality: without the id, or with one that is not a UUID, the headers fail it.
            var withoutId = headers.DeepClone().AsObject();
            withoutId.Remove("MessageId");
            Assert.False(headersSchema.Evaluate(JsonSerializer.SerializeToElement(withoutId), Strict).IsValid);
            withoutId["MessageId"] = "not-a-uuid";
            Assert.False(headersSchema.Evaluate(JsonSerializer.SerializeToElement(withoutId), Strict).IsValid);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void The_payload_schema_refuses_a_body_without_a_required_field_or_with_a_wrong_type()
    {
        var payload = Schema(EventCatalogue.PayloadSchema(typeof(ProjectSubmitted)));
        var good = JsonSerializer.SerializeToNode(MessagingTestHost.Submitted(Guid.NewGuid(), 1), WireOptions)!;
        AssertValid(payload, good, "payload");

        var missing = good.DeepClone().AsObject();
        missing.Remove("leadCountry");
        Assert.False(payload.Evaluate(JsonSerializer.SerializeToElement(missing), Strict).IsValid);

        var retyped = good.DeepClone().AsObject();
        retyped["version"] = "three";
        Assert.False(payload.Evaluate(JsonSerializer.SerializeToElement(retyped), Strict).IsValid);
    }

    /// <summary>How the bus writes a body.</summary>
    private static JsonSerializerOptions WireOptions => MassTransit.Serialization.SystemTextJsonMessageSerializer.Options;

    private static JsonSchema Schema(JsonNode node) => JsonSchema.FromText(node.ToJsonString());

    private static void AssertValid(JsonSchema schema, JsonNode instance, string what)
    {
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(instance), Strict);
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"the {what} do not match the catalogue: {string.Join("; ", errors)}\n{instance.ToJsonString()}");
    }

    /// <summary>The AMQP headers as JSON: strings arrive as bytes in the table.</summary>
    private static JsonObject Headers(IReadOnlyBasicProperties properties)
    {
        var headers = new JsonObject();
        foreach (var (key, value) in properties.Headers ?? new Dictionary<string, object?>())
        {
            headers[key] = value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => JsonValue.Create(value.ToString()),
            };
        }

        return headers;
    }

    private static async Task<BasicGetResult> NextAsync(IChannel channel, string queue, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
            {
                return delivery;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nothing arrived on {queue} within {timeout.TotalSeconds:0} s");
    }
}
