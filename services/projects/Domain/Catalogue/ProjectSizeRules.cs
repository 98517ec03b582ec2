using System.Globalization;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Projects.Domain.Catalogue;

public enum ProjectSize
{
    Small = 1,
    Medium = 2,
    Large = 3,
}

/// <summary>
/// Sizes by budget in USD (thresholds and indicative exchange rates are configuration), and the
/// stage rule of para 2: in a foundation-laying stage only small and medium-sized projects are
/// adopted; large ones from the consolidation stage on.
/// </summary>
public sealed class ProjectSizeRules(decimal smallMaxUsd, decimal mediumMaxUsd, IReadOnlyDictionary<string, decimal> usdPerUnit)
{
    public decimal SmallMaxUsd { get; } = smallMaxUsd;

    public decimal MediumMaxUsd { get; } = mediumMaxUsd;

    public bool CanConvert(string currency) => currency == "USD" || usdPerUnit.ContainsKey(currency);

    public decimal ToUsd(Money money) => money.Currency == "USD"
        ? money.Amount
        : usdPerUnit.TryGetValue(money.Currency, out var rate)
            ? decimal.Round(money.Amount * rate, 2)
            : throw new RuleViolationException("project.no-usd-rate", $"There is no indicative USD rate for {money.Currency}; the size of the project cannot be judged.");

    public ProjectSize Classify(Money budget)
    {
        var usd = ToUsd(budget);
        return usd <= SmallMaxUsd ? ProjectSize.Small : usd <= MediumMaxUsd ? ProjectSize.Medium : ProjectSize.Large;
    }

    /// <summary>Null when the stage allows the project; otherwise why it does not.</summary>
    public string? StageRefusal(PlanStage stage, Money budget)
    {
        if (stage.LargeProjectsAllowed || Classify(budget) != ProjectSize.Large)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"The {stage.Name} stage ({stage.StartYear}-{stage.EndYear}) adopts small and medium-sized projects only (para {stage.Paragraph}); this budget is USD {ToUsd(budget):N2}, above USD {MediumMaxUsd:N2}.");
    }
}
