using System.Collections.Concurrent;
using Lmc.Subscriptions.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Lmc.Subscriptions.Tests.Subscribing;

namespace Lmc.Subscriptions.Tests;

/// <summary>The subscriptions service on a RabbitMQ node of its own, which the tests stop and start.</summary>
public sealed class RestartableBrokerServiceFactory : SubscriptionsServiceFactory
{
    private RabbitMqNode _node = null!;

    public RabbitMqNode Node => _node;

    public override string RabbitMqUri => _node.Uri;

    public override async Task InitializeAsync()
    {
        _node = await RabbitMqNode.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _node.DisposeAsync();
    }

    /// <summary>
    /// Exactly-once is checked here, not the retry window: 400 deliveries queue behind one subscription's two slots, so
    /// the last wait seconds for their first attempt, and a window of seconds would give them up as failed.
    /// </summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Subscriptions:GiveUpAfter", "00:05:00");
        builder.UseSetting("Subscriptions:Timeout", "00:00:10");
    }
}

[CollectionDefinition(Name)]
public sealed class RestartableBrokerGroup : ICollectionFixture<RestartableBrokerServiceFactory>
{
    public const string Name = "subscriptions service on a broker that restarts";
}

/// <summary>Nothing lost and nothing doubled when the broker restarts under the intake.</summary>
[Collection(RestartableBrokerGroup.Name)]
public sealed class BrokerRestartTests(RestartableBrokerServiceFactory service)
{
    private const string Submitted_ = "lmc.projects.project-submitted.v1";
    private const int Events = 400;
    private const int RestartAfter = 100;

    [Fact]
    public async Task Events_published_across_a_broker_restart_are_each_logged_and_delivered_once()
    {
        var callback = service.Receiver.NewCallback(out var path);
        var created = await service.SubscribeAsync(Integrator("TH"), callback, Submitted_);
        var published = new ConcurrentBag<Guid>();
        var halfway = new TaskCompletionSource();

        // Four publishers, each retrying an event with the same id until the broker confirms it, as the outbox does;
        // the broker is restarted while they publish and the intake consumes. A publish cut off before its confirm may
        // have reached the queue and is sent again: the inbox must log and deliver it once.
        var publishers = Enumerable.Range(0, 4).Select(publisher => Task.Run(async () =>
        {
            for (var i = publisher; i < Events; i += 4)
            {
                var project = Guid.NewGuid();
                var id = Guid.CreateVersion7();
                await PublishUntilConfirmedAsync(() => service.PublishAsync(Submitted_, Submitted(project, version: i), project, id));
                published.Add(id);
                if (published.Count >= RestartAfter)
                {
                    halfway.TrySetResult();
                }
            }
        })).ToList();
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await service.Node.RestartAsync();
        await Task.WhenAll(publishers);

        await Eventually.TrueAsync(
            async () => service.Receiver.All(path).Count(r => r.AnsweredWith == 200) >= published.Count,
            TimeSpan.FromSeconds(60), $"for {published.Count} deliveries after the restart");
        var received = await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800));
        var all = published.ToList();
        Assert.Equal(all.Order(), received.Select(r => Guid.Parse(r.Id)).Order());
        Assert.Equal(Events, await service.InDatabaseAsync(db => db.StoredEvents.CountAsync(e => all.Contains(e.Id))));

        // One delivery per event, each delivered with one attempt (none was sent twice).
        var subscription = Guid.Parse(created.Subscription.SubscriptionId);
        var deliveries = await service.InDatabaseAsync(db => db.Deliveries.Where(d => d.SubscriptionId == subscription).ToListAsync());
        Assert.Equal(Events, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(Domain.DeliveryStatus.Delivered, d.Status);
            Assert.Equal(1, d.Attempts);
        });
    }

    private static async Task PublishUntilConfirmedAsync(Func<Task> publish)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await publish();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // The broker is down or closed the channel before confirming: the same event again, shortly.
                await Task.Delay(200);
            }
        }
    }
}
