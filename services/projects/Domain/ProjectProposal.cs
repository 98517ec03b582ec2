using Lmc.BuildingBlocks.Domain;

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
    string? PlannedEnd);

/// <summary>A proposal whose every field passed validation.</summary>
public sealed record ValidProposal(
    string LeadCountry,
    IReadOnlyList<string> PartnerCountries,
    string PriorityArea,
    string Title,
    string Description,
    Money Budget,
    DateOnly PlannedStart,
    DateOnly PlannedEnd);
