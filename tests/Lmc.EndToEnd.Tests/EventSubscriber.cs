using System.Text.Json;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lmc.EndToEnd.Tests;

/// <summary>
/// An integrator's subscriber written without MassTransit: a queue bound to an event's exchange,
/// named by its stable versioned name, reading the message out of the JSON envelope.
/// </summary>
public sealed class EventSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
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
            using var envelope = JsonDocument.Parse(delivery.Body);
            await subscriber._received.Writer.WriteAsync(envelope.RootElement.Clone());
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer);
        return subscriber;
    }

    /// <summary>The next envelope whose message matches, or a timeout.</summary>
    public async Task<JsonElement> ReceiveAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var envelope = await _received.Reader.ReadAsync(cancellation.Token);
                if (match(envelope.GetProperty("message")))
                {
                    return envelope;
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
