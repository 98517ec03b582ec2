using Lmc.Projects.Domain.Catalogue;

namespace Lmc.Projects.Tests;

/// <summary>The Plan of Action 2018-2022 as the service loads it, checked against the plan itself.</summary>
public sealed class CatalogueTests
{
    private static readonly PlanOfAction Plan = ProjectLifecycleTests.Catalogue.Find("2018-2022")!;

    [Fact]
    public void Every_paragraph_from_1_to_94_is_there_once_in_order_with_its_text()
    {
        Assert.Equal(Enumerable.Range(1, 94), Plan.Paragraphs.Select(p => p.Number));
        Assert.All(Plan.Paragraphs, p => Assert.True(p.Text.Length > 20, $"paragraph {p.Number} has too little text"));
        Assert.StartsWith("Submit implementation progress report of this Plan of Action", Plan.Paragraph(5)!.Text);
        Assert.StartsWith("Convene the LMC Leaders' Meeting once every two years", Plan.Paragraph(10)!.Text);
    }

    [Fact]
    public void The_chapters_pillars_and_sectors_are_those_of_the_plan()
    {
        Assert.Equal(["I", "II", "III", "IV", "V"], Plan.Chapters.Select(c => c.Number));
        Assert.Equal(["4.1", "4.2", "4.3"], Plan.Pillars.Select(p => p.Code));
        Assert.Equal(
            ["4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.2.5", "4.2.6", "4.2.7", "4.2.8", "4.2.9", "4.2.10",
             "4.3.1", "4.3.2", "4.3.3", "4.3.4", "4.3.5", "4.3.6"],
            Plan.Sectors.Select(s => s.Code));
        Assert.Equal("Water Resources", Plan.Sector("4.2.5")!.Title);
        Assert.Equal("Health", Plan.Sector("4.3.4")!.Title);
    }

    [Theory]
    [InlineData(10, "4.1.1")]
    [InlineData(21, "4.2.1")]
    [InlineData(42, "4.2.5")]
    [InlineData(48, "4.2.5")]
    [InlineData(79, "4.3.4")]
    [InlineData(91, "4.3.6")]
    public void Practical_cooperation_paragraphs_sit_in_their_sector(int paragraph, string sector) =>
        Assert.Equal(sector, Plan.Paragraph(paragraph)!.Sector);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(92)]
    [InlineData(94)]
    public void Principles_structure_and_support_paragraphs_belong_to_no_sector(int paragraph) =>
        Assert.Null(Plan.Paragraph(paragraph)!.Sector);

    [Fact]
    public void The_five_priority_areas_map_to_their_sectors()
    {
        var areas = Plan.Sectors.Where(s => s.PriorityArea is not null).ToDictionary(s => s.Code, s => s.PriorityArea);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["4.2.1"] = "connectivity",
                ["4.2.2"] = "production-capacity",
                ["4.2.3"] = "cross-border-economic-cooperation",
                ["4.2.5"] = "water-resources",
                ["4.2.6"] = "agriculture-and-poverty-reduction",
                ["4.2.7"] = "agriculture-and-poverty-reduction",
            },
            areas);
    }

    [Theory]
    [InlineData(2018, "foundation-laying", false)]
    [InlineData(2019, "foundation-laying", false)]
    [InlineData(2020, "consolidation-and-expansion", true)]
    [InlineData(2022, "consolidation-and-expansion", true)]
    public void The_stages_of_para_2_are_data(int year, string stage, bool large)
    {
        Assert.Equal(stage, Plan.StageFor(year).Name);
        Assert.Equal(large, Plan.StageFor(year).LargeProjectsAllowed);
    }

    [Fact]
    public void After_its_last_year_a_plan_stays_the_reference_until_a_successor_is_loaded()
    {
        Assert.Equal("2018-2022", ProjectLifecycleTests.Catalogue.PlanFor(2025)!.Id);
        Assert.Equal("consolidation-and-expansion", Plan.StageFor(2025).Name);
        Assert.Null(ProjectLifecycleTests.Catalogue.PlanFor(2017));
    }
}
