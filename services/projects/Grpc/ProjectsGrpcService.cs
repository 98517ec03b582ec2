using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Application;

namespace Lmc.Projects.Grpc;

/// <summary>
/// lmc.projects.v1.ProjectsService over gRPC and, transcoded, over REST. Reads need the
/// projects:read scope, changes projects:write; who may change which project is decided
/// against the project itself in <see cref="ProjectCommands"/>.
/// </summary>
public sealed class ProjectsGrpcService(ProjectCommands commands, ProjectQueries queries) : ProjectsService.ProjectsServiceBase
{
    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<ProposeProjectResponse> ProposeProject(ProposeProjectRequest request, ServerCallContext context)
    {
        var project = await commands.ProposeAsync(
            context.Caller(), request.ToProposal(), request.IdempotencyKey, request.IdempotencyHash(), context.CancellationToken);
        return new ProposeProjectResponse { Project = project.ToProto() };
    }

    public override async Task<GetProjectResponse> GetProject(GetProjectRequest request, ServerCallContext context)
    {
        var project = await commands.GetAsync(ProjectMapping.ParseId(request.ProjectId), context.CancellationToken);
        return new GetProjectResponse { Project = project.ToProto() };
    }

    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var filter = new ProjectFilter(
            request.Country.OptionalCode("country"),
            request.PriorityArea.ToSlug(),
            request.Status.ToDomain(),
            CommonMapping.OptionalYear(request.Year, "year"));
        var (items, next) = await queries.ListAsync(
            filter, request.Page.PageSize(), PageTokens.ParseGuid(request.Page?.PageToken), context.CancellationToken);

        var response = new ListProjectsResponse
        {
            Page = new PageResponse { NextPageToken = next is { } last ? PageTokens.Of(last) : "" },
        };
        response.Projects.AddRange(items.Select(p => p.ToProto()));
        return response;
    }

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<SubmitProjectResponse> SubmitProject(SubmitProjectRequest request, ServerCallContext context) =>
        new() { Project = (await commands.SubmitAsync(context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.ExpectedVersion, context.CancellationToken)).ToProto() };

    public override async Task<EndorseProjectResponse> EndorseProject(EndorseProjectRequest request, ServerCallContext context) =>
        new() { Project = (await commands.EndorseAsync(context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.ExpectedVersion, context.CancellationToken)).ToProto() };

    [Obsolete("Adoption comes only from the FMM's adoption of the annual project list.")]
    public override async Task<AdoptProjectResponse> AdoptProject(AdoptProjectRequest request, ServerCallContext context) =>
        new() { Project = (await commands.AdoptAsync(ProjectMapping.ParseId(request.ProjectId), context.CancellationToken)).ToProto() };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<ReviseBudgetResponse> ReviseBudget(ReviseBudgetRequest request, ServerCallContext context) =>
        new() { Project = (await commands.ReviseBudgetAsync(context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.ExpectedVersion, request.Budget.ToInput(), context.CancellationToken)).ToProto() };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<StartProjectResponse> StartProject(StartProjectRequest request, ServerCallContext context) =>
        new() { Project = (await commands.StartAsync(context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.ExpectedVersion, context.CancellationToken)).ToProto() };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<CompleteProjectResponse> CompleteProject(CompleteProjectRequest request, ServerCallContext context) =>
        new() { Project = (await commands.CompleteAsync(context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.ExpectedVersion, context.CancellationToken)).ToProto() };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<CancelProjectResponse> CancelProject(CancelProjectRequest request, ServerCallContext context) =>
        new() { Project = (await commands.CancelAsync(context.Caller(), ProjectMapping.ParseId(request.ProjectId), request.ExpectedVersion, request.Reason, context.CancellationToken)).ToProto() };
}
