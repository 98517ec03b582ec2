using System.Text;
using System.Text.Json;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Contracts.Subscriptions.V1;
using Lmc.Subscriptions.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using RabbitMQ.Client;

namespace Lmc.Subscriptions.Tests;

/// <summary>
/// The subscriptions service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ, with a
/// retry schedule of milliseconds instead of hours, loopback callbacks allowed (as in development), and a webhook
/// receiver on loopback. Events are put on the broker as the platform's outbox puts them, by a plain AMQP client.
/// </summary>
public class SubscriptionsServiceFactory : ServiceFactory<Program, SubscriptionsDbContext>
{
    public const int DisableAfterFailures = 12;

    /// <summary>
    /// How long a delivery is retried: long enough, on a loaded 2-core machine, for several attempts to fit. One second
    /// and then three were too short in full runs: the first attempt came late, timed out, and the window closed on it.
    /// </summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(6);

    protected override string DatabaseName => "subscriptions";

    public WebhookReceiver Receiver { get; private set; } = null!;

    public SubscriptionsService.SubscriptionsServiceClient Client() => new(Channel());

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Platform:PublicUrl", "https://api.lmc.test/");
        builder.UseSetting("Subscriptions:AllowPrivateCallbacks", "true");
        builder.UseSetting("Subscriptions:AllowHttpCallbacks", "true");
        builder.UseSetting("Subscriptions:FirstRetryDelay", "00:00:00.100");
        builder.UseSetting("Subscriptions:MaxRetryDelay", "00:00:00.300");
        builder.UseSetting("Subscriptions:GiveUpAfter", RetryWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Subscriptions:DisableAfterFailures", DisableAfterFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Subscriptions:Timeout", "00:00:03");
        builder.UseSetting("Subscriptions:PollInterval", "00:00:00.100");
        builder.UseSetting("Subscriptions:MaxPerSubscription", "2");
        builder.UseSetting("Subscriptions:MaxConcurrency", "8");
    }

    /// <summary>Publishes an event as the outbox does: raw JSON body, its id as message id and header, its aggregate in a header.</summary>
    public async Task<Guid> PublishAsync(string eventName, object payload, Guid aggregateId, Guid? messageId = null)
    {
        var id = messageId ?? Guid.CreateVersion7();
        await using var connection = await new ConnectionFactory { Uri = new Uri(RabbitMqUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = id.ToString(),
            ContentType = "application/json",
            Persistent = true,
            Headers = new Dictionary<string, object?>
            {
                ["MessageId"] = id.ToString(),
                ["MT-MessageType"] = "urn:message:Lmc.Test:" + eventName,
                [EventCatalogue.AggregateHeader] = aggregateId.ToString(),
            },
        };
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, JsonSerializerOptions.Web));
        await channel.BasicPublishAsync(eventName, "", mandatory: true, properties, body);
        return id;
    }
}

[CollectionDefinition(Name)]
public sealed class SubscriptionsServiceGroup : ICollectionFixture<SubscriptionsServiceFactory>
{
    public const string Name = "subscriptions service";
}
