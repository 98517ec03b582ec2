using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain.Catalogue;

/// <summary>Every Plan of Action the platform knows, and the plan in force in a given year.</summary>
public sealed class PlanCatalogue(IReadOnlyList<PlanOfAction> plans)
{
    public IReadOnlyList<PlanOfAction> Plans { get; } = [.. plans.OrderBy(p => p.StartYear)];

    public PlanOfAction? Find(string planId) => Plans.FirstOrDefault(p => p.Id == planId);

    /// <summary>
    /// The plan covering the year; past the last plan's end, that plan stays the reference until
    /// its successor is loaded (a 2023-2027 plan loads the same way, from its own file).
    /// </summary>
    public PlanOfAction? PlanFor(int year) =>
        Plans.FirstOrDefault(p => p.Covers(year)) ?? Plans.LastOrDefault(p => p.StartYear <= year);

    public PlanOfAction RequirePlanFor(int year, string field) =>
        PlanFor(year) ?? throw new ValidationException(field, $"no Plan of Action covers {year}");
}
