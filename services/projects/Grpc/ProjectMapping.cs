using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Projects.Domain;
using Proto = Lmc.Contracts.Projects.V1;

namespace Lmc.Projects.Grpc;

/// <summary>proto &lt;-&gt; domain, and nothing else.</summary>
internal static class ProjectMapping
{
    public static Proto.Project ToProto(this Project project)
    {
        var proto = new Proto.Project
        {
            ProjectId = project.Id.ToString(),
            LeadCountry = CommonMapping.ToCountry(project.LeadCountry),
            PriorityArea = CommonMapping.ToPriorityArea(project.PriorityArea),
            Title = project.Title,
            Description = project.Description,
            Budget = project.Budget.ToProto(),
            PlannedStartDate = project.PlannedStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            PlannedEndDate = project.PlannedEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Status = project.Status.ToProto(),
            IatiActivityStatus = project.Status.ToIatiActivityStatus(),
            Version = project.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(project.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(project.UpdatedAt),
            CancellationReason = project.CancellationReason ?? "",
        };
        proto.PartnerCountries.AddRange(project.PartnerCountries.Select(CommonMapping.ToCountry));
        return proto;
    }

    public static ProjectProposal ToProposal(this Proto.ProposeProjectRequest request) => new(
        request.LeadCountry.ToCode(),
        [.. request.PartnerCountries.Select(c => c.ToCode())],
        request.PriorityArea.ToSlug(),
        request.Title,
        request.Description,
        request.Budget?.Currency,
        request.Budget?.Amount,
        request.PlannedStartDate,
        request.PlannedEndDate);

    /// <summary>SHA-256 of the request without its key: what "the same request" means for idempotency.</summary>
    public static string IdempotencyHash(this Proto.ProposeProjectRequest request)
    {
        var withoutKey = request.Clone();
        withoutKey.IdempotencyKey = "";
        return BuildingBlocks.Idempotency.IdempotencyExtensions.Hash(withoutKey.ToByteArray());
    }

    public static Proto.ProjectStatus ToProto(this ProjectStatus status) => status switch
    {
        ProjectStatus.Proposed => Proto.ProjectStatus.Proposed,
        ProjectStatus.Submitted => Proto.ProjectStatus.Submitted,
        ProjectStatus.Endorsed => Proto.ProjectStatus.Endorsed,
        ProjectStatus.Adopted => Proto.ProjectStatus.Adopted,
        ProjectStatus.InProgress => Proto.ProjectStatus.InProgress,
        ProjectStatus.Completed => Proto.ProjectStatus.Completed,
        ProjectStatus.Cancelled => Proto.ProjectStatus.Cancelled,
        _ => Proto.ProjectStatus.Unspecified,
    };

    public static ProjectStatus? ToDomain(this Proto.ProjectStatus status) => status switch
    {
        Proto.ProjectStatus.Unspecified => null,
        Proto.ProjectStatus.Proposed => ProjectStatus.Proposed,
        Proto.ProjectStatus.Submitted => ProjectStatus.Submitted,
        Proto.ProjectStatus.Endorsed => ProjectStatus.Endorsed,
        Proto.ProjectStatus.Adopted => ProjectStatus.Adopted,
        Proto.ProjectStatus.InProgress => ProjectStatus.InProgress,
        Proto.ProjectStatus.Completed => ProjectStatus.Completed,
        Proto.ProjectStatus.Cancelled => ProjectStatus.Cancelled,
        _ => throw new ValidationException("status", "is not a known project status"),
    };

    public static Guid ParseId(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException("project_id", "must be a project id (a UUID)");

    public static string PageToken(Guid last) => Convert.ToBase64String(last.ToByteArray(bigEndian: true))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Guid? ParsePageToken(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/') + "==";
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length == 16 ? new Guid(bytes, bigEndian: true) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new ValidationException("page.page_token", "is not a token this service issued");
        }
    }
}
