using Grpc.Core;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Projects.V1;
using Lmc.Funding.Domain;
using Microsoft.Extensions.Options;

namespace Lmc.Funding.Application;

/// <summary>How long a question to the projects service may take (its address is service discovery's <c>services:projects:grpc:0</c>).</summary>
public sealed class ProjectsClientOptions
{
    public const string Section = "Projects";

    /// <summary>Deadline of one GetProject call, retries included.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Para 92: the fund supports projects adopted by the Leaders' Meeting or the FMM. The one
/// synchronous question the fund asks another service: is this project adopted? Asked of
/// `projects` over gRPC with a deadline (and, in the client's pipeline, retries and a circuit
/// breaker), with the caller's own token so that the answer respects what the caller may read.
/// An unreachable `projects` is a retriable Unavailable, never an approval.
/// </summary>
public sealed class ProjectEligibility(ProjectsService.ProjectsServiceClient projects, IOptions<ProjectsClientOptions> options, IHttpContextAccessor http)
{
    private static readonly HashSet<Lmc.Contracts.Projects.V1.ProjectStatus> Adopted =
        [Lmc.Contracts.Projects.V1.ProjectStatus.Adopted, Lmc.Contracts.Projects.V1.ProjectStatus.InProgress];

    public async Task<ProjectFacts> RequireAdoptedAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var facts = await LookUpAsync(projectId, cancellationToken);
        return facts.Adopted
            ? facts
            : throw new RuleViolationException("eligibility.not-adopted",
                $"Project {projectId} is {facts.Status}; the Special Fund supports only projects adopted by the Leaders' Meeting or the FMM (para 92).");
    }

    private async Task<ProjectFacts> LookUpAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var headers = http.CallerHeaders();
        try
        {
            var project = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId.ToString() }, headers,
                DateTime.UtcNow + options.Value.Deadline, cancellationToken)).Project;
            return new ProjectFacts(projectId, project.LeadCountry.ToCode() ?? "", project.PriorityArea.ToSlug() ?? "", project.Title,
                Adopted.Contains(project.Status), project.Status.ToString().ToLowerInvariant());
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new RuleViolationException("eligibility.unknown-project", $"The projects service has no project {projectId}.");
        }
        catch (RpcException e) when (ServiceClients.Translate(e, $"The projects service (asked whether project {projectId} is adopted)")
                                     is { } meaning)
        {
            throw meaning;
        }
    }
}
