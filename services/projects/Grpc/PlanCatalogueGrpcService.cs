using Grpc.Core;
using Lmc.BuildingBlocks.Domain;
using Lmc.Contracts.Projects.V1;
using Lmc.Projects.Domain.Catalogue;

namespace Lmc.Projects.Grpc;

/// <summary>lmc.projects.v1.PlanCatalogueService: the Plans of Action, read-only.</summary>
public sealed class PlanCatalogueGrpcService(PlanCatalogue catalogue) : PlanCatalogueService.PlanCatalogueServiceBase
{
    public override Task<ListPlansResponse> ListPlans(ListPlansRequest request, ServerCallContext context)
    {
        var response = new ListPlansResponse();
        response.Plans.AddRange(catalogue.Plans.Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<GetPlanResponse> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var plan = catalogue.Find(request.PlanId) ?? throw new NotFoundException("Plan of Action", request.PlanId);
        return Task.FromResult(new GetPlanResponse { Plan = ToProto(plan) });
    }

    private static Plan ToProto(PlanOfAction plan)
    {
        var proto = new Plan { PlanId = plan.Id, Title = plan.Title, StartYear = plan.StartYear, EndYear = plan.EndYear };
        proto.Stages.AddRange(plan.Stages.Select(s => new Stage { Name = s.Name, StartYear = s.StartYear, EndYear = s.EndYear, LargeProjectsAllowed = s.LargeProjectsAllowed }));
        proto.Chapters.AddRange(plan.Chapters.Select(c => new Chapter { Number = c.Number, Title = c.Title }));
        proto.Pillars.AddRange(plan.Pillars.Select(p => new Pillar { Code = p.Code, Chapter = p.Chapter, Title = p.Title }));
        proto.Sectors.AddRange(plan.Sectors.Select(s => new Sector { Code = s.Code, Pillar = s.Pillar, Title = s.Title, PriorityArea = s.PriorityArea ?? "" }));
        proto.Paragraphs.AddRange(plan.Paragraphs.Select(p => new Paragraph { Number = p.Number, Chapter = p.Chapter, Sector = p.Sector ?? "", Text = p.Text }));
        return proto;
    }
}
