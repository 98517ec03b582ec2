using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.Catalogue;
using Lmc.Projects.Domain.Iati;

namespace Lmc.Projects.Tests;

public sealed class StageAndIatiRuleTests
{
    private static readonly ProjectSizeRules Sizes = new(500_000m, 5_000_000m, new Dictionary<string, decimal> { ["CNY"] = 0.14m });
    private static readonly PlanOfAction Plan = ProjectLifecycleTests.Catalogue.Find("2018-2022")!;

    [Theory]
    [InlineData(2019, "USD", "5000000.00", true)]
    [InlineData(2019, "USD", "5000000.01", false)]
    [InlineData(2018, "USD", "500000.00", true)]
    [InlineData(2020, "USD", "5000000.01", true)]
    [InlineData(2022, "USD", "250000000.00", true)]
    [InlineData(2019, "CNY", "35714285.71", true)]   // USD 4,999,999.9994 -> 5,000,000.00
    [InlineData(2019, "CNY", "35714285.79", false)]  // USD 5,000,000.01
    public void The_foundation_stage_adopts_small_and_medium_projects_only(int year, string currency, string amount, bool allowed)
    {
        var budget = new Money(currency, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        var refusal = Sizes.StageRefusal(Plan.StageFor(year), budget);
        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Contains("para 2", refusal);
        }
    }

    [Theory]
    [InlineData("500000.00", ProjectSize.Small)]
    [InlineData("500000.01", ProjectSize.Medium)]
    [InlineData("5000000.00", ProjectSize.Medium)]
    [InlineData("5000000.01", ProjectSize.Large)]
    public void Sizes_change_exactly_at_the_configured_thresholds(string amount, ProjectSize size) =>
        Assert.Equal(size, Sizes.Classify(new Money("USD", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void A_budget_in_a_currency_without_a_rate_cannot_be_sized() =>
        Assert.Equal("project.no-usd-rate", Assert.Throws<RuleViolationException>(() => Sizes.Classify(new Money("THB", 1000m))).Rule);

    [Theory]
    [InlineData(new[] { "14015", "14010" }, new[] { "60", "30" }, "must sum to 100")]
    [InlineData(new[] { "14015", "14015" }, new[] { "50", "50" }, "listed twice")]
    [InlineData(new[] { "99999" }, new[] { "100" }, "not an OECD DAC 5-digit sector code")]
    [InlineData(new[] { "1401" }, new[] { "100" }, "not an OECD DAC 5-digit sector code")]
    [InlineData(new[] { "14015" }, new[] { "0" }, "must be above 0")]
    public void Sector_percentages_must_be_valid_codes_summing_to_100(string[] codes, string[] percentages, string problem)
    {
        var proposal = ProjectLifecycleTests.ValidProposal() with { };
        proposal = proposal with { Sectors = codes.Zip(percentages, (c, p) => new SectorInput(c, p)).ToList() };
        var errors = Assert.Throws<ValidationException>(() => ProjectLifecycleTests.Validate(proposal)).Errors;
        Assert.Contains(errors["sectors"], e => e.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Sectors_of_thirds_summing_to_100_are_accepted()
    {
        var proposal = ProjectLifecycleTests.ValidProposal() with
        {
            Sectors = [new SectorInput("14015", "33.33"), new SectorInput("14010", "33.33"), new SectorInput("41010", "33.34")],
        };
        Assert.Equal(100m, ProjectLifecycleTests.Validate(proposal).Sectors.Sum(s => s.Percentage));
    }

    [Theory]
    [InlineData(null, "1000.00", "2025-01-01", "budget_lines[0].value.currency")]
    [InlineData("USD", "1000.00", null, "budget_lines[0].value_date")]
    [InlineData("USD", null, "2025-01-01", "budget_lines[0].value.amount")]
    public void Money_without_a_currency_or_a_value_date_is_refused(string? currency, string? amount, string? valueDate, string field)
    {
        var proposal = ProjectLifecycleTests.ValidProposal() with
        {
            BudgetLines = [new BudgetLineInput(1, 1, "2025-01-01", "2025-12-31", currency, amount, valueDate)],
        };
        Assert.Contains(field, Assert.Throws<ValidationException>(() => ProjectLifecycleTests.Validate(proposal)).Errors.Keys);
    }

    [Fact]
    public void A_budget_period_longer_than_a_year_is_refused()
    {
        var proposal = ProjectLifecycleTests.ValidProposal() with
        {
            BudgetLines = [new BudgetLineInput(1, 1, "2025-01-01", "2026-01-01", "USD", "100.00", "2025-01-01")],
        };
        Assert.Contains("budget_lines[0].period_end", Assert.Throws<ValidationException>(() => ProjectLifecycleTests.Validate(proposal)).Errors.Keys);
    }

    [Theory]
    [InlineData("GB-GOV-1-300123", false)]
    [InlineData("XM-LMC-TH 2025", false)]
    [InlineData("XM-LMC-TH-2025-001", true)]
    public void A_given_identifier_must_be_the_reporting_organisations(string identifier, bool valid)
    {
        var proposal = ProjectLifecycleTests.ValidProposal() with { IatiIdentifier = identifier };
        if (valid)
        {
            Assert.Equal(identifier, ProjectLifecycleTests.Validate(proposal).IatiIdentifier);
        }
        else
        {
            Assert.Contains("iati_identifier", Assert.Throws<ValidationException>(() => ProjectLifecycleTests.Validate(proposal)).Errors.Keys);
        }
    }

    [Fact]
    public void Paragraphs_must_exist_in_the_plan_and_at_least_one_is_needed()
    {
        Assert.Contains("paragraphs", Assert.Throws<ValidationException>(() =>
            ProjectLifecycleTests.Validate(ProjectLifecycleTests.ValidProposal() with { Paragraphs = [] })).Errors.Keys);
        var errors = Assert.Throws<ValidationException>(() =>
            ProjectLifecycleTests.Validate(ProjectLifecycleTests.ValidProposal() with { Paragraphs = [47, 95] })).Errors;
        Assert.Contains(errors["paragraphs"], e => e.Contains("95", StringComparison.Ordinal));
    }

    [Fact]
    public void A_revised_budget_is_added_and_the_original_kept()
    {
        var proposal = ProjectLifecycleTests.ValidProposal() with
        {
            BudgetLines = [new BudgetLineInput(1, 1, "2025-01-01", "2025-12-31", "USD", "100000.00", "2025-01-01")],
        };
        var project = Project.Propose(ProjectLifecycleTests.Validate(proposal), "th", "XM-LMC", DateTimeOffset.UtcNow);
        project.ReviseBudget(new BudgetLineInput(2, 2, "2025-01-01", "2025-12-31", "USD", "120000.00", "2025-06-30"), DateTimeOffset.UtcNow);

        Assert.Equal([1, 2], project.BudgetLines.Select(b => b.Type));
        Assert.Equal(120000m, Assert.Single(project.CurrentBudgetLines()).Value.Amount);
        Assert.Throws<ValidationException>(() =>
            project.ReviseBudget(new BudgetLineInput(1, 2, "2026-01-01", "2026-12-31", "USD", "1.00", "2026-01-01"), DateTimeOffset.UtcNow));
    }
}
