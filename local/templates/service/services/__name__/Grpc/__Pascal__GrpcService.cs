using Grpc.Core;
using Lmc.__Pascal__.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Contracts.__Pascal__.V1;

namespace Lmc.__Pascal__.Grpc;

/// <summary>
/// lmc.__package__.v1.__Pascal__Service. Reads need the read scope and everything else the write scope, from each
/// RPC's verb (MapLmcGrpcService); an operation only the owner may perform adds
/// <c>[Authorize(Policy = LmcPolicies.JwgPrefix + "__area__")]</c>.
/// </summary>
public sealed class __Pascal__GrpcService : __Pascal__Service.__Pascal__ServiceBase
{
    private static readonly ServiceCard Card = CardOf(
        ContractAccess.OwnerOf(__Pascal__Service.Descriptor, ServiceManifests.FromRepository()));

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
