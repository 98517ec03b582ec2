using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Contracts.Subscriptions.V1;
using Lmc.Subscriptions.Application;
using Lmc.Subscriptions.Domain;
using static Lmc.BuildingBlocks.Grpc.CommonMapping;

namespace Lmc.Subscriptions.Grpc;

/// <summary>
/// lmc.subscriptions.v1.SubscriptionsService. Reads need the read scope and everything else the write scope, from each
/// RPC's verb (MapLmcGrpcService); whose subscription it is, is the application's check.
/// </summary>
public sealed class SubscriptionsGrpcService(SubscriptionCommands commands, SubscriptionQueries queries)
    : SubscriptionsService.SubscriptionsServiceBase
{
    private static readonly ServiceCard Card = CardOf(
        ContractAccess.OwnerOf(SubscriptionsService.Descriptor, ServiceManifests.FromRepository()));

    public override Task<GetAboutResponse> GetAbout(GetAboutRequest request, ServerCallContext context) =>
        Task.FromResult(new GetAboutResponse
        {
            Name = Card.Name,
            Summary = Card.Summary,
            Owner = Card.Owner,
            ReadScope = Card.ReadScope,
            WriteScope = Card.WriteScope,
        });

    public override async Task<CreateSubscriptionResponse> CreateSubscription(CreateSubscriptionRequest request, ServerCallContext context)
    {
        var created = await commands.CreateAsync(context.Caller(), new NewSubscription(
            request.Description, [.. request.EventTypes.Select(t => t.Trim())], request.CallbackUrl.Trim(),
            [.. request.Filters.Select(SubscriptionsMapping.FromProto)]), context.CancellationToken);
        return new() { Subscription = created.Subscription.ToProto(), Secret = created.Secret };
    }

    public override async Task<GetSubscriptionResponse> GetSubscription(GetSubscriptionRequest request, ServerCallContext context) =>
        new() { Subscription = (await queries.GetAsync(context.Caller(), Id(request.SubscriptionId), context.CancellationToken)).ToProto() };

    public override async Task<ListSubscriptionsResponse> ListSubscriptions(ListSubscriptionsRequest request, ServerCallContext context) =>
        new() { Subscriptions = { (await queries.ListAsync(context.Caller(), context.CancellationToken)).Select(s => s.ToProto()) } };

    public override async Task<RotateSecretResponse> RotateSecret(RotateSecretRequest request, ServerCallContext context)
    {
        var rotated = await commands.RotateSecretAsync(context.Caller(), Id(request.SubscriptionId), request.Overlap?.ToTimeSpan(),
            request.ExpectedVersion, context.CancellationToken);
        return new() { Subscription = rotated.Subscription.ToProto(), Secret = rotated.Secret };
    }

    public override async Task<DisableSubscriptionResponse> DisableSubscription(DisableSubscriptionRequest request, ServerCallContext context) =>
        new()
        {
            Subscription = (await commands.DisableAsync(context.Caller(), Id(request.SubscriptionId), request.Reason, request.ExpectedVersion,
                context.CancellationToken)).ToProto(),
        };

    public override async Task<EnableSubscriptionResponse> EnableSubscription(EnableSubscriptionRequest request, ServerCallContext context) =>
        new()
        {
            Subscription = (await commands.EnableAsync(context.Caller(), Id(request.SubscriptionId), request.ExpectedVersion,
                context.CancellationToken)).ToProto(),
        };

    public override async Task<DeleteSubscriptionResponse> DeleteSubscription(DeleteSubscriptionRequest request, ServerCallContext context)
    {
        await commands.DeleteAsync(context.Caller(), Id(request.SubscriptionId), context.CancellationToken);
        return new();
    }

    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        var log = await queries.DeliveriesAsync(context.Caller(), Id(request.SubscriptionId), SubscriptionsMapping.FromProto(request.Status),
            request.PageSize, context.CancellationToken);
        return new() { Deliveries = { log.Select(e => e.ToProto()) } };
    }

    public override async Task<RedeliverResponse> Redeliver(RedeliverRequest request, ServerCallContext context)
    {
        var delivery = await commands.RedeliverAsync(context.Caller(), Id(request.SubscriptionId), ParseId(request.DeliveryId, "delivery_id"),
            context.CancellationToken);
        return new() { Delivery = new DeliveryLogEntry(delivery, []).ToProto() };
    }

    public override async Task<ReplayResponse> Replay(ReplayRequest request, ServerCallContext context)
    {
        var from = request.From?.ToDateTimeOffset() ?? throw new ValidationException("from", "is required");
        return new() { Queued = await commands.ReplayAsync(context.Caller(), Id(request.SubscriptionId), from, context.CancellationToken) };
    }

    private static Guid Id(string value) => ParseId(value, "subscription_id");

    private static ServiceCard CardOf(ServiceManifest manifest) => new(manifest.Name, manifest.Summary, manifest.Owner);
}
