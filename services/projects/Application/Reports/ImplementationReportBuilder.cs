using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Application.Reports;

/// <summary>
/// Builds the report of a year from live data. A project counts in a year when its planned period
/// overlaps it or the FMM adopted it for that year. Its budget is attributed in full to every
/// paragraph it serves (a paragraph's figure says what money serves it), and once to its sector,
/// pillar and country totals.
/// </summary>
public sealed class ImplementationReportBuilder(ProjectsDbContext db, PlanCatalogue catalogue, ProjectSizeRules sizes)
{
    public const string FundingNote =
        "Committed and disbursed amounts are the LMC Special Fund's commitments (net of amendments and releases) and disbursements with a value date in the year, "
        + "as the funding service announced them; like budgets, a project's amounts count in full for every paragraph it serves.";

    public async Task<ImplementationReport> BuildAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 2016 or > 2100)
        {
            throw new ValidationException("year", "must be a year between 2016 and 2100");
        }

        var plan = catalogue.RequirePlanFor(year, "year");
        var stage = plan.StageFor(year);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.PlanId == plan.Id && ((p.PlannedStart <= yearEnd && p.PlannedEnd >= yearStart) || p.AdoptedForYear == year))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var usd = projects.ToDictionary(p => p.Id, p => sizes.CanConvert(p.Budget.Currency) ? sizes.ToUsd(p.Budget) : 0m);
        var ids = projects.Select(p => p.Id).ToList();
        var money = (await db.FundingTransactions.AsNoTracking()
                .Where(t => ids.Contains(t.ProjectId) && t.ValueDate >= yearStart && t.ValueDate <= yearEnd)
                .GroupBy(t => new { t.ProjectId, t.Type })
                .Select(g => new { g.Key.ProjectId, g.Key.Type, Sum = g.Sum(t => t.AmountUsd) })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.ProjectId, m.Type), m => m.Sum);
        decimal Funded(Guid project, string type) => money.GetValueOrDefault((project, type));

        var paragraphs = plan.Paragraphs.Select(paragraph =>
        {
            var serving = projects.Where(p => p.Paragraphs.Contains(paragraph.Number)).ToList();
            return new ParagraphLine(paragraph.Number, paragraph.Sector, paragraph.Text, ByStatus(serving), serving.Sum(p => usd[p.Id]),
                serving.Sum(p => Funded(p.Id, "2")), serving.Sum(p => Funded(p.Id, "3")), serving.Select(p => p.Id).ToList());
        }).ToList();

        var sectors = plan.Sectors.Select(sector =>
        {
            var numbers = plan.Paragraphs.Where(p => p.Sector == sector.Code).Select(p => p.Number).ToHashSet();
            var serving = projects.Where(p => p.Paragraphs.Any(numbers.Contains)).ToList();
            return new GroupLine(sector.Code, sector.Title, ByStatus(serving), serving.Count, serving.Sum(p => usd[p.Id]));
        }).ToList();

        var pillars = plan.Pillars.Select(pillar =>
        {
            var numbers = plan.Paragraphs.Where(p => plan.Sector(p.Sector)?.Pillar == pillar.Code).Select(p => p.Number).ToHashSet();
            var serving = projects.Where(p => p.Paragraphs.Any(numbers.Contains)).ToList();
            return new GroupLine(pillar.Code, pillar.Title, ByStatus(serving), serving.Count, serving.Sum(p => usd[p.Id]));
        }).ToList();

        var practical = plan.Paragraphs.Where(p => p.Sector is not null).Select(p => p.Number);
        var withoutProjects = practical
            .Where(n => !projects.Any(p => p.Status != ProjectStatus.Cancelled && p.Paragraphs.Contains(n)))
            .ToList();

        var countries = MemberCountries.All.Order().Select(country => new CountryLine(
            country,
            projects.Count(p => p.LeadCountry == country),
            projects.Count(p => p.PartnerCountries.Contains(country)),
            projects.Where(p => p.LeadCountry == country).Sum(p => usd[p.Id]))).ToList();

        var adopted = projects.Where(p => p.AdoptedForYear == year).ToList();
        var violations = adopted
            .Where(p => sizes.CanConvert(p.Budget.Currency) && sizes.StageRefusal(stage, p.Budget) is not null)
            .Select(p => $"{p.IatiIdentifier} {p.Title}")
            .ToList();

        var decision = await db.ReportDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Year == year, cancellationToken);
        return new ImplementationReport(
            year, plan.Id, plan.Title, stage.Name, stage.LargeProjectsAllowed, paragraphs, sectors, pillars, withoutProjects, countries,
            new StageComplianceLine(stage.Name, stage.LargeProjectsAllowed, adopted.Count, violations),
            projects.Count, projects.Sum(p => usd[p.Id]), FundingNote, decision?.SubmittedBy, decision?.CommendedBy);
    }

    private static Dictionary<ProjectStatus, int> ByStatus(IEnumerable<Project> projects) =>
        projects.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
}
