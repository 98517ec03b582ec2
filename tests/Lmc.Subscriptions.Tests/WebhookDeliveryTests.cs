using Lmc.Contracts.Subscriptions.V1;
using Lmc.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;
using static Lmc.Subscriptions.Tests.Subscribing;
using static Lmc.Testing.TestTokens;

namespace Lmc.Subscriptions.Tests;

/// <summary>Events from the broker reach a receiver on loopback as signed CloudEvents: retried, in order, once each.</summary>
[Collection(SubscriptionsServiceGroup.Name)]
public sealed class WebhookDeliveryTests(SubscriptionsServiceFactory service)
{
    private const string Submitted_ = "lmc.projects.project-submitted.v1";

    [Fact]
    public async Task An_event_reaches_the_subscriber_as_a_CloudEvent_whose_signature_a_Standard_Webhooks_verifier_accepts()
    {
        var callback = service.Receiver.NewCallback(out var path);
        var created = await service.SubscribeAsync(Integrator("TH"), callback, "lmc.projects.*");
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);

        var project = Guid.NewGuid();
        var id = await service.PublishAsync(Submitted_, Submitted(project), project);

        var received = await service.Receiver.NextDeliveredAsync(path, Soon);
        received.Verify(created.Secret);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => received.Verify(WebhookSecretOfSomeoneElse()));
        Assert.Equal("application/cloudevents+json; charset=utf-8", received.Headers.ContentType.ToString());
        var cloudEvent = received.CloudEvent;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(id.ToString(), cloudEvent.GetProperty("id").GetString());
        Assert.Equal(id.ToString(), received.Id);
        Assert.Equal(Submitted_, cloudEvent.GetProperty("type").GetString());
        Assert.Equal("/lmc/projects", cloudEvent.GetProperty("source").GetString());
        Assert.Equal(project.ToString(), cloudEvent.GetProperty("subject").GetString());
        // The factory sets Platform:PublicUrl, as the chart does from its ingress.
        Assert.Equal("https://api.lmc.test/asyncapi/projects.json#/components/messages/lmc.projects.project-submitted.v1/payload",
            cloudEvent.GetProperty("dataschema").GetString());
        Assert.Equal(project.ToString(), cloudEvent.GetProperty("data").GetProperty("projectId").GetString());

        var log = await service.Client().ListDeliveriesAsync(
            new ListDeliveriesRequest { SubscriptionId = created.Subscription.SubscriptionId }, Bearer(OwnerOf(created)));
        var delivery = Assert.Single(log.Deliveries);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(200, Assert.Single(delivery.AttemptLog).StatusCode);
    }

    [Fact]
    public async Task Receiver_errors_are_retried_with_backoff_and_the_event_is_then_delivered_once()
    {
        var callback = service.Receiver.NewCallback(out var path);
        service.Receiver.Answer(path, 500, 503, 429);
        var created = await service.SubscribeAsync(Integrator("VN"), callback, Submitted_);

        var project = Guid.NewGuid();
        await service.PublishAsync(Submitted_, Submitted(project, "VN"), project);

        await service.Receiver.NextDeliveredAsync(path, Soon);
        var all = await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800));
        Assert.Equal([500, 503, 429, 200], all.Select(r => r.AnsweredWith));
        Assert.Single(all.Select(r => r.Id).Distinct());
        // Backed off: each retry waited at least half the scheduled delay (100 ms, doubling, at most 300 ms).
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromMilliseconds(45)));

        var log = await service.Client().ListDeliveriesAsync(
            new ListDeliveriesRequest { SubscriptionId = created.Subscription.SubscriptionId }, Bearer(OwnerOf(created)));
        var delivery = Assert.Single(log.Deliveries);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal([500, 503, 429, 200], delivery.AttemptLog.Select(a => a.StatusCode));
        Assert.All(delivery.AttemptLog, a => Assert.True(a.LatencyMs >= 0));
    }

    [Fact]
    public async Task A_delivery_never_answered_2xx_is_marked_failed_after_the_retry_window()
    {
        var callback = service.Receiver.NewCallback(out var path);
        service.Receiver.Answer(path, [.. Enumerable.Repeat(500, 100)]);
        var created = await service.SubscribeAsync(Integrator("KH"), callback, Submitted_);

        var project = Guid.NewGuid();
        await service.PublishAsync(Submitted_, Submitted(project, "KH"), project);

        var delivery = await EventuallyAsync(async () =>
        {
            var log = await service.Client().ListDeliveriesAsync(
                new ListDeliveriesRequest { SubscriptionId = created.Subscription.SubscriptionId }, Bearer(OwnerOf(created)));
            return log.Deliveries.SingleOrDefault(d => d.Status == DeliveryStatus.Failed);
        });
        // Retried (how often within the window depends on the machine's load; the window itself is checked below).
        Assert.True(delivery.Attempts >= 2, $"{delivery.Attempts} attempts");
        Assert.Contains("HTTP 500", delivery.LastError, StringComparison.Ordinal);
        Assert.All(delivery.AttemptLog, a => Assert.False(a.Succeeded));
        // Retried for the whole (test) window, not given up early.
        Assert.True(delivery.CompletedAt.ToDateTimeOffset() - delivery.CreatedAt.ToDateTimeOffset() >= SubscriptionsServiceFactory.RetryWindow);
    }

    [Fact]
    public async Task One_aggregate_s_events_arrive_in_order_even_when_an_earlier_one_is_being_retried()
    {
        var callback = service.Receiver.NewCallback(out var path);
        service.Receiver.Answer(path, 500, 500);
        await service.SubscribeAsync(Integrator("LA"), callback, "lmc.projects.project-*");

        var project = Guid.NewGuid();
        for (var version = 1; version <= 5; version++)
        {
            await service.PublishAsync(Submitted_, Submitted(project, "LA", version: version), project);
        }

        for (var i = 0; i < 5; i++)
        {
            await service.Receiver.NextDeliveredAsync(path, Soon);
        }

        var delivered = (await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(500))).Where(r => r.AnsweredWith == 200)
            .Select(r => r.CloudEvent.GetProperty("data").GetProperty("version").GetInt64());
        Assert.Equal([1, 2, 3, 4, 5], delivered);
    }

    [Fact]
    public async Task The_same_event_twice_from_the_broker_is_logged_and_delivered_once()
    {
        var callback = service.Receiver.NewCallback(out var path);
        await service.SubscribeAsync(Integrator("MM"), callback, Submitted_);
        var project = Guid.NewGuid();
        var id = Guid.CreateVersion7();

        await service.PublishAsync(Submitted_, Submitted(project, "MM"), project, id);
        await service.PublishAsync(Submitted_, Submitted(project, "MM"), project, id);

        await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Single(await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800)));
        Assert.Equal(1, await service.InDatabaseAsync(db => db.StoredEvents.CountAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task A_run_of_failures_disables_the_subscription_with_the_reason_and_enabling_resumes_it()
    {
        var callback = service.Receiver.NewCallback(out var path);
        service.Receiver.Answer(path, [.. Enumerable.Repeat(502, SubscriptionsServiceFactory.DisableAfterFailures)]);
        // Only China-led projects: the replay below then finds this test's events alone.
        var created = await service.SubscribeAsync(Integrator("CN"), callback, [Submitted_],
            [new FieldFilter { Field = "leadCountry", Values = { "CN" } }]);
        var owner = OwnerOf(created);
        var id = created.Subscription.SubscriptionId;

        // Different aggregates, so their retries run side by side and add up quickly.
        for (var i = 0; i < 4; i++)
        {
            var project = Guid.NewGuid();
            await service.PublishAsync(Submitted_, Submitted(project, "CN"), project);
        }

        var disabled = await EventuallyAsync(async () =>
        {
            var s = (await service.Client().GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = id }, Bearer(owner))).Subscription;
            return s.Status == SubscriptionStatus.Disabled ? s : null;
        });
        Assert.Contains($"{SubscriptionsServiceFactory.DisableAfterFailures} delivery attempts in a row failed", disabled.DisabledReason,
            StringComparison.Ordinal);
        Assert.Contains("HTTP 502", disabled.DisabledReason, StringComparison.Ordinal);

        // Disabled: nothing is sent, and an event arriving now makes no delivery.
        var quiet = (await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(600))).Count;
        var later = Guid.NewGuid();
        await service.PublishAsync(Submitted_, Submitted(later, "CN"), later);
        await Task.Delay(700);
        Assert.Equal(quiet, service.Receiver.All(path).Count);

        var enabled = await service.Client().EnableSubscriptionAsync(
            new EnableSubscriptionRequest { SubscriptionId = id, ExpectedVersion = disabled.Version }, Bearer(owner));
        Assert.Equal(SubscriptionStatus.Active, enabled.Subscription.Status);
        Assert.Equal(0, enabled.Subscription.ConsecutiveFailures);
        var replayed = await service.Client().ReplayAsync(
            new ReplayRequest { SubscriptionId = id, From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                DateTimeOffset.UtcNow.AddMinutes(-5)) }, Bearer(owner));
        Assert.Equal(5, replayed.Queued);
        var delivered = await EventuallyAsync(async () =>
        {
            var ok = service.Receiver.All(path).Where(r => r.AnsweredWith == 200).Select(r => r.Id).Distinct().Count();
            await Task.CompletedTask;
            return ok == 5 ? (object)ok : null;
        });
        Assert.Equal(5, delivered);
    }

    [Fact]
    public async Task Redelivery_sends_one_delivery_again_with_the_same_webhook_id()
    {
        var callback = service.Receiver.NewCallback(out var path);
        var created = await service.SubscribeAsync(Integrator("TH"), callback, Submitted_);
        var owner = OwnerOf(created);
        var project = Guid.NewGuid();
        await service.PublishAsync(Submitted_, Submitted(project), project);
        var first = await service.Receiver.NextDeliveredAsync(path, Soon);

        var log = await service.Client().ListDeliveriesAsync(
            new ListDeliveriesRequest { SubscriptionId = created.Subscription.SubscriptionId }, Bearer(owner));
        var again = await service.Client().RedeliverAsync(new RedeliverRequest
        {
            SubscriptionId = created.Subscription.SubscriptionId,
            DeliveryId = log.Deliveries.Single().DeliveryId,
        }, Bearer(owner));

        var second = await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("redelivery", again.Delivery.Reason);
        second.Verify(created.Secret);
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_verify_until_the_overlap_ends()
    {
        var callback = service.Receiver.NewCallback(out var path);
        var created = await service.SubscribeAsync(Integrator("TH"), callback, Submitted_);
        var rotated = await service.Client().RotateSecretAsync(new RotateSecretRequest
        {
            SubscriptionId = created.Subscription.SubscriptionId,
            Overlap = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromHours(1)),
            ExpectedVersion = created.Subscription.Version,
        }, Bearer(OwnerOf(created)));
        Assert.NotEqual(created.Secret, rotated.Secret);

        var project = Guid.NewGuid();
        await service.PublishAsync(Submitted_, Submitted(project), project);
        var received = await service.Receiver.NextDeliveredAsync(path, Soon);

        Assert.Equal(2, received.Headers["webhook-signature"].ToString().Split(' ').Length);
        received.Verify(rotated.Secret);
        received.Verify(created.Secret);

        // An overlap of zero retires the old secret at once.
        await service.Client().RotateSecretAsync(new RotateSecretRequest
        {
            SubscriptionId = created.Subscription.SubscriptionId,
            Overlap = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.Zero),
        }, Bearer(OwnerOf(created)));
        var next = Guid.NewGuid();
        await service.PublishAsync(Submitted_, Submitted(next), next);
        var after = await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Single(after.Headers["webhook-signature"].ToString().Split(' '));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => after.Verify(rotated.Secret));
    }

    [Fact]
    public async Task A_hanging_receiver_does_not_hold_up_another_subscription()
    {
        var slow = service.Receiver.NewCallback(out var slowPath);
        service.Receiver.Delay(slowPath, TimeSpan.FromSeconds(30));
        await service.SubscribeAsync(Integrator("VN"), slow, Submitted_);
        var fast = service.Receiver.NewCallback(out var fastPath);
        await service.SubscribeAsync(Integrator("VN"), fast, Submitted_);

        // More events than the hanging subscription has slots (two): each waits out its timeout while the other gets all.
        for (var i = 0; i < 6; i++)
        {
            var project = Guid.NewGuid();
            await service.PublishAsync(Submitted_, Submitted(project, "VN"), project);
        }

        for (var i = 0; i < 6; i++)
        {
            await service.Receiver.NextDeliveredAsync(fastPath, Soon);
        }

        // The hanging one never answered in time, and never had more than its two slots open at once.
        Assert.Empty(service.Receiver.All(slowPath));
        Assert.InRange(service.Receiver.MostAtOnce(slowPath), 1, 2);
    }

    private static string OwnerOf(CreateSubscriptionResponse created) =>
        Mint(created.Subscription.SubscriberCountry, [Lmc.BuildingBlocks.Auth.LmcRoles.Integrator], subject: created.Subscription.Subscriber);

    private static string WebhookSecretOfSomeoneElse() => "whsec_" + Convert.ToBase64String(new byte[32]);

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + Soon;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the condition did not hold in time");
    }
}
