using Lmc.Projects.Domain.Catalogue;

namespace Lmc.Projects.Application;

/// <summary>Project sizes for the stage rule (section <c>ProjectSizes</c>).</summary>
public sealed class ProjectSizeOptions
{
    public const string Section = "ProjectSizes";

    /// <summary>Up to this budget (USD) a project is small.</summary>
    public decimal SmallMaxUsd { get; set; } = 500_000m;

    /// <summary>Up to this budget (USD) a project is medium-sized; above it, large.</summary>
    public decimal MediumMaxUsd { get; set; } = 5_000_000m;

    /// <summary>Indicative USD value of one unit of each currency, for sizing budgets in other currencies.</summary>
    public Dictionary<string, decimal> IndicativeUsdRates { get; set; } = [];

    public ProjectSizeRules ToRules() => new(SmallMaxUsd, MediumMaxUsd, IndicativeUsdRates);
}

/// <summary>How the platform reports to IATI (section <c>Iati</c>).</summary>
public sealed class IatiOptions
{
    public const string Section = "Iati";

    /// <summary>The reporting organisation's IATI identifier; every activity identifier starts with it.</summary>
    public string ReportingOrgRef { get; set; } = "XM-LMC";

    public string ReportingOrgName { get; set; } = "Lancang-Mekong Cooperation Secretariat";

    /// <summary>IATI OrganisationType: 40 multilateral.</summary>
    public string ReportingOrgType { get; set; } = "40";

    /// <summary>Where the Plan of Action paragraphs are published (the tag vocabulary URI).</summary>
    public string PlanVocabularyUri { get; set; } = "https://lmc.example/plan-of-action/";
}
