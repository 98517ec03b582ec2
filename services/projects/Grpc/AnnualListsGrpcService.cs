using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Application;
using Microsoft.AspNetCore.Authorization;
using Lists = Lmc.Projects.Domain.AnnualLists;

namespace Lmc.Projects.Grpc;

/// <summary>lmc.projects.v1.AnnualListsService.</summary>
public sealed class AnnualListsGrpcService(AnnualListCommands commands) : AnnualListsService.AnnualListsServiceBase
{
    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<OpenAnnualListResponse> OpenAnnualList(OpenAnnualListRequest request, ServerCallContext context)
    {
        if (request.NominationDeadline is null)
        {
            throw new ValidationException("nomination_deadline", "is required");
        }

        var list = await commands.OpenAsync(context.Caller(), request.Year, request.NominationDeadline.ToDateTimeOffset(), context.CancellationToken);
        return new OpenAnnualListResponse { List = ToProto(list) };
    }

    public override async Task<GetAnnualListResponse> GetAnnualList(GetAnnualListRequest request, ServerCallContext context) =>
        new() { List = ToProto(await commands.GetAsync(request.Year, context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<NominateProjectResponse> NominateProject(NominateProjectRequest request, ServerCallContext context) =>
        new() { List = ToProto(await commands.NominateAsync(context.Caller(), request.Year, ProjectMapping.ParseId(request.ProjectId), context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<WithdrawNominationResponse> WithdrawNomination(WithdrawNominationRequest request, ServerCallContext context) =>
        new() { List = ToProto(await commands.WithdrawAsync(context.Caller(), request.Year, ProjectMapping.ParseId(request.ProjectId), context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.Admin)]
    public override async Task<CompileAnnualListResponse> CompileAnnualList(CompileAnnualListRequest request, ServerCallContext context) =>
        new() { List = ToProto(await commands.CompileAsync(context.Caller(), request.Year, request.ExpectedVersion, context.CancellationToken)) };

    private static AnnualList ToProto(Lists.AnnualList list)
    {
        var proto = new AnnualList
        {
            Year = list.Year,
            Status = list.Status switch
            {
                Lists.AnnualListStatus.Open => AnnualListStatus.Open,
                Lists.AnnualListStatus.Compiled => AnnualListStatus.Compiled,
                Lists.AnnualListStatus.Recommended => AnnualListStatus.Recommended,
                Lists.AnnualListStatus.Adopted => AnnualListStatus.Adopted,
                _ => AnnualListStatus.Unspecified,
            },
            NominationDeadline = Timestamp.FromDateTimeOffset(list.NominationDeadline),
            Version = list.Version,
            RecommendedBy = list.RecommendedBy ?? "",
            AdoptedBy = list.AdoptedBy ?? "",
        };
        proto.Entries.AddRange(list.Entries.Select(e => new ListEntry
        {
            ProjectId = e.ProjectId.ToString(),
            Country = CommonMapping.ToCountry(e.Country),
            Title = e.Title,
            Budget = e.Budget.ToProto(),
            AdoptionRefusal = e.AdoptionRefusal ?? "",
        }));
        return proto;
    }
}
