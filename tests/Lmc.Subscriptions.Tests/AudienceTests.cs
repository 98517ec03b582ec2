using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Subscriptions.V1;
using static Lmc.Subscriptions.Tests.Subscribing;
using static Lmc.Testing.TestTokens;

namespace Lmc.Subscriptions.Tests;

/// <summary>A subscriber receives only what it could read through the API.</summary>
[Collection(SubscriptionsServiceGroup.Name)]
public sealed class AudienceTests(SubscriptionsServiceFactory service)
{
    private const string Signal = "lmc.health-surveillance.signal-raised.v1";

    [Fact]
    public async Task A_Thai_integrator_s_subscription_never_receives_Lao_operational_data()
    {
        var callback = service.Receiver.NewCallback(out var path);
        await service.SubscribeAsync(Integrator("TH"), callback, "lmc.health-surveillance.*");

        var lao = Guid.NewGuid();
        await service.PublishAsync(Signal, SignalRaised(lao, "LA", "LA-SV"), lao);
        var thai = Guid.NewGuid();
        await service.PublishAsync(Signal, SignalRaised(thai, "TH", "TH-49"), thai);

        var received = await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Equal(thai.ToString(), received.CloudEvent.GetProperty("data").GetProperty("alertId").GetString());
        var all = await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800));
        Assert.DoesNotContain(all, r => r.CloudEvent.GetProperty("data").GetProperty("country").GetString() == "LA");
    }

    [Fact]
    public async Task A_cross_border_notice_reaches_both_countries_it_names_and_no_other()
    {
        var lao = service.Receiver.NewCallback(out var laoPath);
        await service.SubscribeAsync(Integrator("LA"), lao, "lmc.health-surveillance.cross-border-notice.v1");
        var thai = service.Receiver.NewCallback(out var thaiPath);
        await service.SubscribeAsync(Integrator("TH"), thai, "lmc.health-surveillance.cross-border-notice.v1");
        var viet = service.Receiver.NewCallback(out var vietPath);
        await service.SubscribeAsync(Integrator("VN"), viet, "lmc.health-surveillance.cross-border-notice.v1");

        var notice = Guid.NewGuid();
        await service.PublishAsync("lmc.health-surveillance.cross-border-notice.v1", new
        {
            noticeId = notice, alertId = Guid.NewGuid(), disease = "dengue", fromCountry = "LA", unit = "LA-SV", toCountry = "TH",
            facingUnits = new List<string> { "TH-34" }, week = "2026-W48", occurredAt = DateTimeOffset.UtcNow,
        }, notice);

        await service.Receiver.NextDeliveredAsync(laoPath, Soon);
        await service.Receiver.NextDeliveredAsync(thaiPath, Soon);
        Assert.Empty(await service.Receiver.SettledAsync(vietPath, TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task Events_of_a_service_the_subscriber_may_not_read_are_not_delivered()
    {
        // Identity's reads are for admins; an integrator with every scope still is none.
        var callback = service.Receiver.NewCallback(out var path);
        await service.SubscribeAsync(Integrator("TH"), callback, "lmc.identity.*", "lmc.projects.project-submitted.v1");
        var admin = service.Receiver.NewCallback(out var adminPath);
        await service.SubscribeAsync(Mint(null, [LmcRoles.Admin], subject: "platform-admin-" + Guid.NewGuid()), admin, "lmc.identity.*");

        var client = Guid.NewGuid();
        await service.PublishAsync("lmc.identity.role-granted.v1", new
        {
            clientId = "th-water", country = "TH", role = "jwg:water-resources", grantedBy = "admin", occurredAt = DateTimeOffset.UtcNow,
        }, client);
        var project = Guid.NewGuid();
        await service.PublishAsync("lmc.projects.project-submitted.v1", Submitted(project), project);

        await service.Receiver.NextDeliveredAsync(adminPath, Soon);
        var received = await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Equal("lmc.projects.project-submitted.v1", received.CloudEvent.GetProperty("type").GetString());
        Assert.Single(await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task Without_the_publisher_s_read_scope_nothing_of_it_is_delivered()
    {
        var token = Mint("TH", [LmcRoles.Integrator], subject: "scoped-" + Guid.NewGuid(),
            scopes: [LmcScopes.Write("subscriptions"), LmcScopes.Read("health-surveillance")]);
        var callback = service.Receiver.NewCallback(out var path);
        await service.SubscribeAsync(token, callback, "lmc.projects.project-submitted.v1", Signal);

        var project = Guid.NewGuid();
        await service.PublishAsync("lmc.projects.project-submitted.v1", Submitted(project), project);
        var alert = Guid.NewGuid();
        await service.PublishAsync(Signal, SignalRaised(alert, "TH", "TH-49"), alert);

        var received = await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Equal(Signal, received.CloudEvent.GetProperty("type").GetString());
        Assert.Single(await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task A_subscription_s_filters_narrow_what_it_receives()
    {
        var callback = service.Receiver.NewCallback(out var path);
        await service.SubscribeAsync(Integrator("TH"), callback, ["lmc.projects.project-submitted.v1"],
            [new FieldFilter { Field = "priorityArea", Values = { "agriculture" } }]);

        var water = Guid.NewGuid();
        await service.PublishAsync("lmc.projects.project-submitted.v1", Submitted(water, area: "water-resources"), water);
        var farms = Guid.NewGuid();
        await service.PublishAsync("lmc.projects.project-submitted.v1", Submitted(farms, area: "agriculture"), farms);

        var received = await service.Receiver.NextDeliveredAsync(path, Soon);
        Assert.Equal(farms.ToString(), received.CloudEvent.GetProperty("subject").GetString());
        Assert.Single(await service.Receiver.SettledAsync(path, TimeSpan.FromMilliseconds(800)));
    }
}
