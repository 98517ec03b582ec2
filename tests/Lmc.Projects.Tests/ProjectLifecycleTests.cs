using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.Catalogue;
using Lmc.Projects.Domain.Iati;

namespace Lmc.Projects.Tests;

/// <summary>The lifecycle's rules in the domain, without a database.</summary>
public sealed class ProjectLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    internal static readonly PlanCatalogue Catalogue = CatalogueLoader.Load(Path.Combine(AppContext.BaseDirectory, "Seed"));

    public static ProjectProposal ValidProposal() => new(
        "TH", ["LA", "KH"], PriorityAreas.WaterResources, "Mekong flood early warning",
        "Shared forecasting of mainstream water levels.", "USD", "250000.00", "2025-01-01", "2026-12-31")
    {
        Paragraphs = [47],
        Sectors = [new SectorInput("14015", "100")],
    };

    internal static ValidProposal Validate(ProjectProposal proposal) => Project.Validate(proposal, Catalogue, "XM-LMC");

    private static Project NewProject() => Project.Propose(Validate(ValidProposal()), "th-secretariat", "XM-LMC", Now);

    /// <summary>Drives a project to the given state along the only legal path.</summary>
    private static Project ProjectIn(ProjectStatus status)
    {
        var project = NewProject();
        var path = new (ProjectStatus Reached, Action<Project> Step)[]
        {
            (ProjectStatus.Submitted, p => p.Submit(Now)),
            (ProjectStatus.Endorsed, p => p.Endorse("jwg", Now)),
            (ProjectStatus.Adopted, p => p.Adopt(2025, Now)),
            (ProjectStatus.InProgress, p => p.Start(Now)),
            (ProjectStatus.Completed, p => p.Complete(Now)),
        };
        if (status == ProjectStatus.Cancelled)
        {
            project.Cancel("withdrawn by the lead country", Now);
            return project;
        }

        foreach (var (reached, step) in path)
        {
            if (project.Status == status)
            {
                break;
            }

            step(project);
            Assert.Equal(reached, project.Status);
        }

        return project;
    }

    [Fact]
    public void A_proposal_runs_the_whole_lifecycle_and_each_step_raises_the_version()
    {
        var project = NewProject();
        Assert.Equal(ProjectStatus.Proposed, project.Status);
        Assert.Equal(1, project.Version);

        project.Submit(Now);
        project.Endorse("jwg-water", Now);
        project.Adopt(2025, Now);
        project.Start(Now);
        project.Complete(Now);

        Assert.Equal(ProjectStatus.Completed, project.Status);
        Assert.Equal(6, project.Version);
        Assert.Equal("jwg-water", project.EndorsedBy);
        Assert.Equal(3, project.Status.ToIatiActivityStatus());
    }

    public static TheoryData<ProjectStatus, string> IllegalMoves()
    {
        var legal = new HashSet<(ProjectStatus, string)>
        {
            (ProjectStatus.Proposed, "submit"), (ProjectStatus.Submitted, "endorse"), (ProjectStatus.Endorsed, "adopt"),
            (ProjectStatus.Adopted, "start"), (ProjectStatus.InProgress, "complete"),
        };
        var data = new TheoryData<ProjectStatus, string>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            foreach (var action in new[] { "submit", "endorse", "adopt", "start", "complete" })
            {
                if (!legal.Contains((status, action)))
                {
                    data.Add(status, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Every_move_out_of_order_is_refused_and_changes_nothing(ProjectStatus from, string action)
    {
        var project = ProjectIn(from);
        var version = project.Version;
        Action move = action switch
        {
            "submit" => () => project.Submit(Now),
            "endorse" => () => project.Endorse("jwg", Now),
            "adopt" => () => project.Adopt(2025, Now),
            "start" => () => project.Start(Now),
            _ => () => project.Complete(Now),
        };

        var refusal = Assert.Throws<RuleViolationException>(move);
        Assert.Equal("project.invalid-transition", refusal.Rule);
        Assert.Equal(from, project.Status);
        Assert.Equal(version, project.Version);
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed)]
    [InlineData(ProjectStatus.Submitted)]
    [InlineData(ProjectStatus.Endorsed)]
    [InlineData(ProjectStatus.Adopted)]
    [InlineData(ProjectStatus.InProgress)]
    public void An_unfinished_project_can_be_cancelled_with_a_reason(ProjectStatus from)
    {
        var project = ProjectIn(from);
        project.Cancel("  funding withdrawn  ", Now);
        Assert.Equal(ProjectStatus.Cancelled, project.Status);
        Assert.Equal("funding withdrawn", project.CancellationReason);
        Assert.Equal(5, project.Status.ToIatiActivityStatus());
    }

    [Theory]
    [InlineData(ProjectStatus.Completed)]
    [InlineData(ProjectStatus.Cancelled)]
    public void A_finished_project_cannot_be_cancelled(ProjectStatus from) =>
        Assert.Throws<RuleViolationException>(() => ProjectIn(from).Cancel("too late", Now));

    [Fact]
    public void Cancelling_without_a_reason_is_refused() =>
        Assert.Throws<ValidationException>(() => NewProject().Cancel(" ", Now));

    [Fact]
    public void A_stale_version_is_refused()
    {
        var project = NewProject();
        project.Submit(Now);
        project.EnsureVersion(0); // not given: no check
        project.EnsureVersion(2);
        var conflict = Assert.Throws<ConcurrencyException>(() => project.EnsureVersion(1));
        Assert.Equal(2, conflict.ActualVersion);
    }

    [Fact]
    public void Validation_reports_every_problem_of_a_proposal_at_once()
    {
        var proposal = new ProjectProposal("XX", ["TH", "XX", "TH"], "tourism", "no", new string('d', 4001), "usd", "12.345", "2025-02-30", "2024-01-01");
        var errors = Assert.Throws<ValidationException>(() => Validate(proposal)).Errors;
        Assert.Contains("lead_country", errors.Keys);
        Assert.Contains("partner_countries", errors.Keys);
        Assert.Contains("priority_area", errors.Keys);
        Assert.Contains("title", errors.Keys);
        Assert.Contains("description", errors.Keys);
        Assert.Contains("budget.currency", errors.Keys);
        Assert.Contains("budget.amount", errors.Keys);
        Assert.Contains("planned_start_date", errors.Keys);
    }

    [Theory]
    [InlineData("TH", new[] { "TH" }, "must not include the lead country")]
    [InlineData("TH", new[] { "LA", "LA" }, "lists LA twice")]
    public void Partner_countries_are_distinct_members_other_than_the_lead(string lead, string[] partners, string problem)
    {
        var proposal = ValidProposal() with { LeadCountry = lead, PartnerCountries = partners };
        var errors = Assert.Throws<ValidationException>(() => Validate(proposal)).Errors;
        Assert.Contains(problem, errors["partner_countries"]);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-5", false)]
    [InlineData("0.01", true)]
    [InlineData("1000000000000", true)]
    [InlineData("1000000000000.01", false)]
    [InlineData("10.5", true)]
    [InlineData("10.555", false)]
    public void Budgets_are_positive_with_at_most_two_decimals(string amount, bool valid)
    {
        var proposal = ValidProposal() with { BudgetAmount = amount };
        if (valid)
        {
            Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Validate(proposal).Budget.Amount);
        }
        else
        {
            Assert.Contains("budget.amount", Assert.Throws<ValidationException>(() => Validate(proposal)).Errors.Keys);
        }
    }

    [Fact]
    public void The_planned_end_may_equal_but_not_precede_the_start()
    {
        Validate(ValidProposal() with { PlannedStart = "2025-05-01", PlannedEnd = "2025-05-01" });
        var errors = Assert.Throws<ValidationException>(() =>
            Validate(ValidProposal() with { PlannedStart = "2025-05-01", PlannedEnd = "2025-04-30" })).Errors;
        Assert.Contains("planned_end_date", errors.Keys);
    }

    [Theory]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void A_project_is_planned_in_the_years_its_period_overlaps(int year, bool expected) =>
        Assert.Equal(expected, NewProject().IsPlannedIn(year));
}
