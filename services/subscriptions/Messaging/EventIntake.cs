using System.Text.Json;
using Lmc.BuildingBlocks.Inbox;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Subscriptions.Application;
using Lmc.Subscriptions.Catalogue;
using Lmc.Subscriptions.Data;
using Lmc.Subscriptions.Domain;
using Lmc.Subscriptions.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Subscriptions.Messaging;

/// <summary>An event of any type, read as its raw JSON body: the exchange it came from says what it is.</summary>
public sealed class IncomingEvent;

/// <summary>
/// Every catalogued event, from one queue bound to every event's exchange (<see cref="IntakeTopology"/>), in batches
/// through the inbox: each is logged once (for redelivery and replay) and becomes a delivery for each active
/// subscription that matches it, passes its filters and may read it, all in the batch's transaction. The endpoint
/// takes one batch at a time, so one aggregate's events keep the order the outbox published them in.
/// </summary>
public sealed class EventIntake(
    SubscriptionsDbContext db, EventDirectory directory, Audience audience, DeliveryWakeUp wakeUp, TimeProvider time, ILogger<EventIntake> logger)
    : BatchInboxConsumer<IncomingEvent, SubscriptionsDbContext>(db, logger)
{
    private List<Subscription>? _active;

    protected override void OnCommitted(int applied) => wakeUp.Wake();

    protected override async Task HandleAsync(IncomingEvent message, ConsumeContext<IncomingEvent> context, CancellationToken cancellationToken)
    {
        var exchange = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var amqp) ? amqp.Exchange : null;
        if (exchange is null || directory.Find(exchange) is not { } catalogued)
        {
            IntakeLog.Uncatalogued(logger, exchange ?? "(none)", context.MessageId);
            return;
        }

        using var body = JsonDocument.Parse(context.ReceiveContext.Body.GetBytes());
        var payload = body.RootElement;
        var now = time.GetUtcNow();
        var stored = new StoredEvent
        {
            Id = Inbox.MessageIdOf(context),
            Name = catalogued.Name,
            Service = catalogued.Service,
            AggregateId = Guid.TryParse(context.Headers.Get<string>(EventCatalogue.AggregateHeader), out var aggregate) ? aggregate : Guid.Empty,
            OccurredAt = payload.TryGetProperty("occurredAt", out var at) && at.TryGetDateTimeOffset(out var occurred) ? occurred : now,
            ReceivedAt = now,
            Payload = payload.GetRawText(),
            OperationalCountries = Audience.OperationalCountries(catalogued, payload),
        };
        Db.StoredEvents.Add(stored);

        _active ??= await Db.Subscriptions.Where(s => s.Status == SubscriptionStatus.Active).ToListAsync(cancellationToken);
        foreach (var subscription in _active)
        {
            if (subscription.Matches(stored.Name) && Audience.PassesFilters(subscription.Filters, payload)
                && await audience.MayReceiveAsync(subscription.Subscriber, catalogued, stored.OperationalCountries))
            {
                Db.Deliveries.Add(Delivery.For(subscription.Id, stored, "event", now));
            }
        }
    }
}

internal static partial class IntakeLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "An event from exchange {Exchange} (message {MessageId}) is in no catalogue; skipped")]
    public static partial void Uncatalogued(ILogger logger, string exchange, Guid? messageId);
}
