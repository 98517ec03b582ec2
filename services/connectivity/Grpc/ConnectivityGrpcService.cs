using Grpc.Core;
using Lmc.Connectivity.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Contracts.Connectivity.V1;

namespace Lmc.Connectivity.Grpc;

/// <summary>
/// lmc.connectivity.v1.ConnectivityService. Reads need the read scope and everything else the write scope, from each
/// RPC's verb (MapLmcGrpcService); an operation only the owner may perform adds
/// <c>[Authorize(Policy = LmcPolicies.JwgPrefix + "connectivity")]</c>.
/// </summary>
public sealed class ConnectivityGrpcService : ConnectivityService.ConnectivityServiceBase
{
    private static readonly ServiceCard Card = CardOf(
        ContractAccess.OwnerOf(ConnectivityService.Descriptor, ServiceManifests.FromRepository()));

    public override Task<GetAboutResponse> GetAbout(GetAboutRequest request, ServerCallContext context) =>
        Task.FromResult(new GetAboutResponse
        {
            Name = Card.Name,
            Summary = Card.Summary,
            Owner = Card.Owner,
            ReadScope = Card.ReadScope,
            WriteScope = Card.WriteScope,
        });

    private static ServiceCard CardOf(ServiceManifest manifest) => new(manifest.Name, manifest.Summary, manifest.Owner);
}
