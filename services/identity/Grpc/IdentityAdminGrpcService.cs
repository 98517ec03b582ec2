using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Identity.V1;
using Lmc.Identity.Application;
using Lmc.Identity.Domain;
using Microsoft.AspNetCore.Authorization;

namespace Lmc.Identity.Grpc;

/// <summary>lmc.identity.v1.IdentityAdminService: for the platform administrator only.</summary>
[Authorize(Policy = LmcPolicies.Admin)]
public sealed class IdentityAdminGrpcService(ClientAdministration administration) : IdentityAdminService.IdentityAdminServiceBase
{
    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var (client, secret) = await administration.RegisterAsync(
            context.Caller(), request.ClientId, request.DisplayName, request.Country.OptionalCode("country"), request.Roles, request.Scopes, context.CancellationToken);
        return new RegisterClientResponse { Client = ToProto(client), ClientSecret = secret };
    }

    public override async Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context) =>
        new() { Client = ToProto(await administration.GetAsync(context.Caller(), request.ClientId, context.CancellationToken)) };

    public override async Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context)
    {
        var after = string.IsNullOrEmpty(request.Page?.PageToken) ? null : request.Page.PageToken;
        var (items, next) = await administration.ListAsync(
            context.Caller(), request.Country.OptionalCode("country"), request.Page.PageSize(), after, context.CancellationToken);
        var response = new ListClientsResponse { Page = new PageResponse { NextPageToken = next ?? "" } };
        response.Clients.AddRange(items.Select(ToProto));
        return response;
    }

    public override async Task<GrantRoleResponse> GrantRole(GrantRoleRequest request, ServerCallContext context) =>
        new() { Client = ToProto(await administration.GrantRoleAsync(context.Caller(), request.ClientId, request.Role, context.CancellationToken)) };

    public override async Task<RevokeRoleResponse> RevokeRole(RevokeRoleRequest request, ServerCallContext context) =>
        new() { Client = ToProto(await administration.RevokeRoleAsync(context.Caller(), request.ClientId, request.Role, context.CancellationToken)) };

    private static Lmc.Contracts.Identity.V1.Client ToProto(ClientProfile profile)
    {
        var client = new Lmc.Contracts.Identity.V1.Client
        {
            ClientId = profile.ClientId,
            DisplayName = profile.DisplayName,
            Country = profile.Country is null ? Country.Unspecified : CommonMapping.ToCountry(profile.Country),
            CreatedAt = Timestamp.FromDateTimeOffset(profile.CreatedAt),
            Version = profile.Version,
        };
        client.Roles.AddRange(profile.Roles);
        client.Scopes.AddRange(profile.Scopes);
        return client;
    }
}
