using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Domain.Iati;

namespace Lmc.Projects.Domain;

/// <summary>What a secretariat proposes, before any rule was checked.</summary>
public sealed record ProjectProposal(
    string? LeadCountry,
    IReadOnlyList<string?> PartnerCountries,
    string? PriorityArea,
    string? Title,
    string? Description,
    string? BudgetCurrency,
    string? BudgetAmount,
    string? PlannedStart,
    string? PlannedEnd)
{
    public string? IatiIdentifier { get; init; }
    public IReadOnlyList<int> Paragraphs { get; init; } = [];
    public IReadOnlyList<SectorInput> Sectors { get; init; } = [];
    public IReadOnlyList<ParticipatingOrganisation> Organisations { get; init; } = [];
    public IReadOnlyList<BudgetLineInput> BudgetLines { get; init; } = [];
    public IReadOnlyList<ResultInput> Results { get; init; } = [];
}

/// <summary>A proposal whose every field passed validation.</summary>
public sealed record ValidProposal(
    string LeadCountry,
    IReadOnlyList<string> PartnerCountries,
    string PriorityArea,
    string Title,
    string Description,
    Money Budget,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    string? IatiIdentifier,
    string PlanId,
    IReadOnlyList<int> Paragraphs,
    IReadOnlyList<SectorShare> Sectors,
    IReadOnlyList<ParticipatingOrganisation> Organisations,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<Result> Results);
