using System.Text;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Application.Reports;
using Report = Lmc.Projects.Application.Reports.ImplementationReport;

namespace Lmc.Projects.Grpc;

/// <summary>lmc.projects.v1.ProjectExportsService: the implementation report and the IATI file.</summary>
public sealed class ProjectExportsGrpcService(ImplementationReportBuilder reports, IatiActivitiesExport iati) : ProjectExportsService.ProjectExportsServiceBase
{
    public override async Task<GetImplementationReportResponse> GetImplementationReport(GetImplementationReportRequest request, ServerCallContext context) =>
        new() { Report = ToProto(await reports.BuildAsync(request.Year, context.CancellationToken)) };

    public override async Task<HttpBody> RenderImplementationReport(RenderImplementationReportRequest request, ServerCallContext context)
    {
        var report = await reports.BuildAsync(request.Year, context.CancellationToken);
        var (contentType, body) = ReportDocument.Render(report, request.Format.Trim().ToLowerInvariant());
        return new HttpBody { ContentType = contentType, Data = ByteString.CopyFrom(body, Encoding.UTF8) };
    }

    public override async Task<HttpBody> ExportIatiActivities(ExportIatiActivitiesRequest request, ServerCallContext context)
    {
        var xml = await iati.ExportAsync(request.Country.ToCode(), context.CancellationToken);
        return new HttpBody { ContentType = "application/xml; charset=utf-8", Data = ByteString.CopyFrom(xml, Encoding.UTF8) };
    }

    private static Lmc.Contracts.Projects.V1.ImplementationReport ToProto(Report report)
    {
        var proto = new Lmc.Contracts.Projects.V1.ImplementationReport
        {
            Year = report.Year,
            PlanId = report.PlanId,
            Stage = report.Stage,
            FundingNote = report.FundingNote,
            SubmittedBy = report.SubmittedBy ?? "",
            CommendedBy = report.CommendedBy ?? "",
            StageCompliance = new StageCompliance
            {
                Stage = report.StageCompliance.Stage,
                LargeProjectsAllowed = report.StageCompliance.LargeProjectsAllowed,
                ProjectsAdopted = report.StageCompliance.ProjectsAdopted,
            },
        };
        proto.StageCompliance.Violations.AddRange(report.StageCompliance.Violations);
        proto.Paragraphs.AddRange(report.Paragraphs.Select(p =>
        {
            var line = new ParagraphProgress { Number = p.Number, Sector = p.Sector ?? "", Budget = Usd(p.BudgetUsd), Committed = Usd(p.CommittedUsd), Disbursed = Usd(p.DisbursedUsd) };
            line.ProjectsByStatus.AddRange(Statuses(p.ByStatus));
            line.ProjectIds.AddRange(p.ProjectIds.Select(id => id.ToString()));
            return line;
        }));
        proto.Sectors.AddRange(report.Sectors.Select(s =>
        {
            var line = new SectorProgress { Code = s.Code, Title = s.Title, Budget = Usd(s.BudgetUsd) };
            line.ProjectsByStatus.AddRange(Statuses(s.ByStatus));
            return line;
        }));
        proto.Pillars.AddRange(report.Pillars.Select(p =>
        {
            var line = new PillarProgress { Code = p.Code, Title = p.Title, Budget = Usd(p.BudgetUsd) };
            line.ProjectsByStatus.AddRange(Statuses(p.ByStatus));
            return line;
        }));
        proto.ParagraphsWithoutProjects.AddRange(report.ParagraphsWithoutProjects);
        proto.Countries.AddRange(report.Countries.Select(c => new CountryParticipation
        {
            Country = CommonMapping.ToCountry(c.Country),
            Led = c.Led,
            Partnered = c.Partnered,
            BudgetLed = Usd(c.BudgetLedUsd),
        }));
        return proto;
    }

    private static IEnumerable<StatusCount> Statuses(IReadOnlyDictionary<Domain.ProjectStatus, int> byStatus) =>
        byStatus.OrderBy(s => s.Key).Select(s => new StatusCount
        {
            // The proto's own name (PROJECT_STATUS_IN_PROGRESS), as the enum reads in JSON elsewhere.
            Status = ProjectsReflection.Descriptor.EnumTypes.Single(e => e.Name == "ProjectStatus").FindValueByNumber((int)s.Key.ToProto()).Name,
            Projects = s.Value,
        });

    private static Lmc.Contracts.Common.V1.Money Usd(decimal amount) => new Money("USD", amount).ToProto();
}
