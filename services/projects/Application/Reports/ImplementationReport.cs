using Lmc.Projects.Domain;

namespace Lmc.Projects.Application.Reports;

/// <summary>
/// The annual implementation progress report of para 5, as data: per paragraph, sector and
/// pillar, the projects by status and their money (USD at the indicative rates); the paragraphs
/// nothing serves yet; each country's part; the stage rule's compliance.
/// </summary>
public sealed record ImplementationReport(
    int Year,
    string PlanId,
    string PlanTitle,
    string Stage,
    bool LargeProjectsAllowed,
    IReadOnlyList<ParagraphLine> Paragraphs,
    IReadOnlyList<GroupLine> Sectors,
    IReadOnlyList<GroupLine> Pillars,
    IReadOnlyList<int> ParagraphsWithoutProjects,
    IReadOnlyList<CountryLine> Countries,
    StageComplianceLine StageCompliance,
    int ProjectCount,
    decimal BudgetUsd,
    string FundingNote,
    string? SubmittedBy = null,
    string? CommendedBy = null);

public sealed record ParagraphLine(
    int Number, string? Sector, string Text, IReadOnlyDictionary<ProjectStatus, int> ByStatus, decimal BudgetUsd, decimal CommittedUsd, decimal DisbursedUsd,
    IReadOnlyList<Guid> ProjectIds);

public sealed record GroupLine(string Code, string Title, IReadOnlyDictionary<ProjectStatus, int> ByStatus, int Projects, decimal BudgetUsd);

public sealed record CountryLine(string Country, int Led, int Partnered, decimal BudgetLedUsd);

public sealed record StageComplianceLine(string Stage, bool LargeProjectsAllowed, int ProjectsAdopted, IReadOnlyList<string> Violations);
