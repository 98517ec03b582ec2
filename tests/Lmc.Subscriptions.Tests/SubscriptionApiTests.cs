using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Subscriptions.V1;
using Microsoft.EntityFrameworkCore;
using static Lmc.Subscriptions.Tests.Subscribing;
using static Lmc.Testing.TestTokens;

namespace Lmc.Subscriptions.Tests;

/// <summary>The API: bad input refused with the field named and nothing written; each subscriber sees only its own.</summary>
[Collection(SubscriptionsServiceGroup.Name)]
public sealed class SubscriptionApiTests(SubscriptionsServiceFactory service)
{
    [Theory]
    [InlineData("ftp://example.org/hook", "lmc.projects.*", "callback_url")]
    [InlineData("not a url", "lmc.projects.*", "callback_url")]
    [InlineData("https://user:pw@example.org/hook", "lmc.projects.*", "callback_url")]
    [InlineData("https://example.org/hook", "lmc.prjects.*", "event_types")]
    [InlineData("https://example.org/hook", "LMC PROJECTS", "event_types")]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_is_written(string url, string pattern, string field)
    {
        var subject = "bad-input-" + Guid.NewGuid();
        var request = new CreateSubscriptionRequest { CallbackUrl = url, EventTypes = { pattern } };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().CreateSubscriptionAsync(request, Bearer(Integrator("TH", subject))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await service.InDatabaseAsync(db => db.Subscriptions.CountAsync(s => s.OwnerSubject == subject)));
    }

    [Fact]
    public async Task A_filter_on_a_field_no_matched_event_has_is_refused()
    {
        var request = new CreateSubscriptionRequest
        {
            CallbackUrl = "https://example.org/hook",
            EventTypes = { "lmc.projects.project-submitted.v1" },
            Filters = { new FieldFilter { Field = "disease", Values = { "dengue" } } },
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().CreateSubscriptionAsync(request, Bearer(Integrator("TH"))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("'disease'", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_REST_a_bad_callback_is_a_problem_json_naming_the_field()
    {
        using var rest = service.RestClient(Integrator("TH"));
        using var response = await rest.PostAsJsonAsync("/api/v1/subscriptions",
            new { callbackUrl = "gopher://example.org", eventTypes = new List<string> { "lmc.projects.*" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("callback_url", out _), problem.ToString());
    }

    [Fact]
    public async Task A_subscriber_sees_and_manages_only_its_own_subscriptions_and_an_admin_sees_all()
    {
        var mine = Integrator("TH");
        var theirs = Integrator("VN");
        var created = await service.SubscribeAsync(mine, "https://example.org/hook", "lmc.projects.*");
        var id = created.Subscription.SubscriptionId;

        var hidden = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = id }, Bearer(theirs)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var notDeleted = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client().DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = id }, Bearer(theirs)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notDeleted.StatusCode);
        Assert.DoesNotContain((await service.Client().ListSubscriptionsAsync(new(), Bearer(theirs))).Subscriptions,
            s => s.SubscriptionId == id);

        var own = await service.Client().ListSubscriptionsAsync(new(), Bearer(mine));
        var listed = Assert.Single(own.Subscriptions);
        Assert.Equal("TH", listed.SubscriberCountry);
        Assert.Equal(SubscriptionStatus.Active, listed.Status);
        var admin = Mint(null, [LmcRoles.Admin], subject: "admin-" + Guid.NewGuid());
        Assert.Equal(id, (await service.Client().GetSubscriptionAsync(new() { SubscriptionId = id }, Bearer(admin))).Subscription.SubscriptionId);

        await service.Client().DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = id }, Bearer(mine));
        Assert.Empty((await service.Client().ListSubscriptionsAsync(new(), Bearer(mine))).Subscriptions);
    }

    [Fact]
    public async Task Without_the_write_scope_a_client_cannot_subscribe_and_the_scope_is_named()
    {
        var token = Mint("TH", [LmcRoles.Integrator], scopes: [LmcScopes.Read("subscriptions"), LmcScopes.Read("projects")]);

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client().CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            CallbackUrl = "https://example.org/hook",
            EventTypes = { "lmc.projects.*" },
        }, Bearer(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("subscriptions:write", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_subscription_is_unchanged()
    {
        var token = Integrator("TH");
        var created = await service.SubscribeAsync(token, "https://example.org/hook", "lmc.projects.*");

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client().DisableSubscriptionAsync(new DisableSubscriptionRequest
        {
            SubscriptionId = created.Subscription.SubscriptionId,
            ExpectedVersion = created.Subscription.Version + 5,
        }, Bearer(token)).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        var now = await service.Client().GetSubscriptionAsync(new() { SubscriptionId = created.Subscription.SubscriptionId }, Bearer(token));
        Assert.Equal(SubscriptionStatus.Active, now.Subscription.Status);
    }

    [Fact]
    public async Task A_disable_reason_over_its_limit_is_refused_by_field_and_the_subscription_stays_active()
    {
        var token = Integrator("TH");
        var created = await service.SubscribeAsync(token, "https://example.org/hook", "lmc.projects.*");

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client().DisableSubscriptionAsync(new DisableSubscriptionRequest
        {
            SubscriptionId = created.Subscription.SubscriptionId,
            Reason = new string('x', 1001),
        }, Bearer(token)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("reason", refused.Status.Detail, StringComparison.Ordinal);
        var now = await service.Client().GetSubscriptionAsync(new() { SubscriptionId = created.Subscription.SubscriptionId }, Bearer(token));
        Assert.Equal(SubscriptionStatus.Active, now.Subscription.Status);
    }

    [Fact]
    public async Task The_secret_is_shown_once()
    {
        var token = Integrator("TH");
        var created = await service.SubscribeAsync(token, "https://example.org/hook", "lmc.projects.*");

        using var rest = service.RestClient(token);
        var read = await rest.GetStringAsync($"/api/v1/subscriptions/{created.Subscription.SubscriptionId}");

        Assert.DoesNotContain(created.Secret, read, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", read, StringComparison.Ordinal);
    }
}
