using Lmc.BuildingBlocks.Inbox;
using Lmc.Subscriptions.Catalogue;
using MassTransit;

namespace Lmc.Subscriptions.Messaging;

/// <summary>
/// The intake's endpoint: one queue, <c>subscriptions-event-intake</c>, bound to the exchange of every catalogued event
/// (none of them a type this service compiles against), read as raw JSON whatever the message type, in batches of up
/// to 100, one batch at a time (so one aggregate's events are logged in the order they were published).
/// </summary>
public static class IntakeTopology
{
    public const string Endpoint = "subscriptions-event-intake";
    public const int BatchSize = 100;

    public static void Register(IBusRegistrationConfigurator bus, EventDirectory directory)
    {
        bus.AddConsumer<EventIntake>(c => c.Options<BatchOptions>(o => o
                .SetMessageLimit(BatchSize).SetTimeLimit(TimeSpan.FromMilliseconds(5)).SetConcurrencyLimit(1)))
            .Endpoint(e =>
            {
                e.Name = Endpoint;
                e.PrefetchCount = BatchSize * 2;
                e.ConcurrentMessageLimit = BatchSize;
            });
        bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
        {
            if (name != Endpoint)
            {
                return;
            }

            endpoint.ConfigureConsumeTopology = false;
            endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType | RawSerializerOptions.CopyHeaders, isDefault: true);
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                foreach (var catalogued in directory.Events)
                {
                    rabbit.Bind(catalogued.Name, exchange => exchange.ExchangeType = "fanout");
                }
            }
        });
    }
}
