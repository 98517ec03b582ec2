using System.Text.Json;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lmc.EndToEnd.Tests;

/// <summary>An event as a subscriber receives it: the body is the event; its id and type are AMQP properties and headers.</summary>
public sealed record ReceivedEvent(JsonElement Event, string? MessageId, string? ContentType, string? MessageType);

/// <summary>
/// An integrator's subscriber written without MassTransit: a queue bound to an event's exchange,
/// named by its stable versioned name, reading the event from the message body.
/// </summary>
public sealed class EventSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Channel<ReceivedEvent> _received = Channel.CreateUnbounded<ReceivedEvent>();
    private string _eventName = "";

    private EventSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EventSubscriber> SubscribeAsync(string amqpUri, string eventName)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(eventName, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, eventName, "");

        var subscriber = new EventSubscriber(connection, channel) { _eventName = eventName };
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            using var body = JsonDocument.Parse(delivery.Body);
            var headers = delivery.BasicProperties.Headers;
            var messageType = headers is not null && headers.TryGetValue("MT-MessageType", out var type) && type is byte[] bytes
                ? System.Text.Encoding.UTF8.GetString(bytes)
                : null;
            await subscriber._received.Writer.WriteAsync(new ReceivedEvent(
                body.RootElement.Clone(), delivery.BasicProperties.MessageId, delivery.BasicProperties.ContentType, messageType));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer);
        return subscriber;
    }

    /// <summary>The next event that matches, or a timeout.</summary>
    public async Task<ReceivedEvent> ReceiveAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var received = await _received.Reader.ReadAsync(cancellation.Token);
                if (match(received.Event))
                {
                    return received;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching {_eventName} arrived within {timeout.TotalSeconds:0} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
