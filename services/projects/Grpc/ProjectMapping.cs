using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Projects.Domain;
using Iati = Lmc.Projects.Domain.Iati;
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
            PlannedStartDate = project.PlannedStart.ToIsoDate(),
            PlannedEndDate = project.PlannedEnd.ToIsoDate(),
            Status = project.Status.ToProto(),
            IatiActivityStatus = project.Status.ToIatiActivityStatus(),
            Version = project.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(project.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(project.UpdatedAt),
            CancellationReason = project.CancellationReason ?? "",
            IatiIdentifier = project.IatiIdentifier,
            PlanId = project.PlanId,
            ActualStartDate = project.ActualStart is { } start ? start.ToIsoDate() : "",
            ActualEndDate = project.ActualEnd is { } end ? end.ToIsoDate() : "",
            AdoptedForYear = project.AdoptedForYear ?? 0,
        };
        proto.PartnerCountries.AddRange(project.PartnerCountries.Select(CommonMapping.ToCountry));
        proto.Paragraphs.AddRange(project.Paragraphs);
        proto.Sectors.AddRange(project.Sectors.Select(s => new Proto.SectorShare { DacCode = s.DacCode, Percentage = Number(s.Percentage) }));
        proto.ParticipatingOrganisations.AddRange(project.Organisations.Select(o => new Proto.ParticipatingOrganisation
        {
            Name = o.Name,
            Ref = o.Ref ?? "",
            Role = o.Role,
            Country = o.Country is null ? Lmc.Contracts.Common.V1.Country.Unspecified : CommonMapping.ToCountry(o.Country),
        }));
        proto.BudgetLines.AddRange(project.BudgetLines.Select(ToProto));
        proto.Results.AddRange(project.Results.Select(r =>
        {
            var result = new Proto.Result { Type = r.Type, Title = r.Title };
            result.Indicators.AddRange(r.Indicators.Select(i =>
            {
                var indicator = new Proto.Indicator
                {
                    Title = i.Title,
                    Measure = i.Measure,
                    BaselineYear = i.BaselineYear ?? 0,
                    BaselineValue = i.BaselineValue is { } b ? Number(b) : "",
                };
                indicator.Periods.AddRange(i.Periods.Select(p => new Proto.IndicatorPeriod
                {
                    PeriodStart = p.PeriodStart.ToIsoDate(),
                    PeriodEnd = p.PeriodEnd.ToIsoDate(),
                    Target = p.Target is { } t ? Number(t) : "",
                    Actual = p.Actual is { } a ? Number(a) : "",
                }));
                return indicator;
            }));
            return result;
        }));
        return proto;
    }

    public static Proto.BudgetLine ToProto(Iati.BudgetLine line) => new()
    {
        Type = line.Type,
        Status = line.Status,
        PeriodStart = line.PeriodStart.ToIsoDate(),
        PeriodEnd = line.PeriodEnd.ToIsoDate(),
        Value = line.Value.ToProto(),
        ValueDate = line.ValueDate.ToIsoDate(),
    };

    public static Iati.BudgetLineInput ToInput(this Proto.BudgetLine? line) => line is null
        ? new Iati.BudgetLineInput(0, 0, null, null, null, null, null)
        : new Iati.BudgetLineInput(line.Type, line.Status, line.PeriodStart, line.PeriodEnd, line.Value?.Currency, line.Value?.Amount, line.ValueDate);

    private static string Number(decimal value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);

    public static ProjectProposal ToProposal(this Proto.ProposeProjectRequest request) => new(
        request.LeadCountry.ToCode(),
        [.. request.PartnerCountries.Select(c => c.ToCode())],
        request.PriorityArea.ToSlug(),
        request.Title,
        request.Description,
        request.Budget?.Currency,
        request.Budget?.Amount,
        request.PlannedStartDate,
        request.PlannedEndDate)
    {
        IatiIdentifier = request.IatiIdentifier,
        Paragraphs = [.. request.Paragraphs],
        Sectors = [.. request.Sectors.Select(s => new Iati.SectorInput(s.DacCode, s.Percentage))],
        Organisations = [.. request.ParticipatingOrganisations.Select(o => new Iati.ParticipatingOrganisation(
            o.Name, o.Ref, o.Role, o.Country == Lmc.Contracts.Common.V1.Country.Unspecified ? null : o.Country.ToCode() ?? "??"))],
        BudgetLines = [.. request.BudgetLines.Select(b => b.ToInput())],
        Results = [.. request.Results.Select(r => new Iati.ResultInput(r.Type, r.Title, [.. r.Indicators.Select(i => new Iati.IndicatorInput(
            i.Title, i.Measure, i.BaselineYear, i.BaselineValue,
            [.. i.Periods.Select(p => new Iati.IndicatorPeriodInput(p.PeriodStart, p.PeriodEnd, p.Target, p.Actual))]))]))],
    };

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

    public static Guid ParseId(string value) => CommonMapping.ParseId(value, "project_id");
}
