using Grpc.Core;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Projects.V1;

namespace Lmc.Connectivity.Application;

/// <summary>
/// The projects that build or upgrade a link, or serve a plan item, are the registry's: each id is asked of the
/// projects service (with the caller's token) before it is stored, so the network never points at a project that
/// does not exist. A projects service that is down refuses the write as Unavailable; it never lets an id through.
/// </summary>
public sealed class ProjectRegistry(ProjectsService.ProjectsServiceClient projects, IHttpContextAccessor http)
{
    public const int MaxProjects = 50;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public async Task<Guid[]> RequireAsync(IReadOnlyCollection<string> ids, string field, CancellationToken ct)
    {
        if (ids.Count > MaxProjects)
        {
            throw new ValidationException(field, $"has at most {MaxProjects} projects");
        }

        var parsed = ids.Select(id => Guid.TryParse(id, out var g) ? g : throw new ValidationException(field, $"'{id}' is not a project id"))
            .Distinct().ToArray();
        var headers = http.CallerHeaders();
        var missing = new List<Guid>();
        foreach (var id in parsed)
        {
            try
            {
                await projects.GetProjectAsync(new GetProjectRequest { ProjectId = id.ToString() }, headers, DateTime.UtcNow + Deadline, ct);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                missing.Add(id);
            }
            catch (RpcException e) when (ServiceClients.Translate(e, $"The projects service (asked for project {id})") is { } meaning)
            {
                throw meaning;
            }
        }

        return missing.Count == 0 ? parsed
            : throw new ValidationException(field, $"the project registry has no project {string.Join(", ", missing)}");
    }
}
