using System.Globalization;
using System.Xml.Linq;
using Lmc.BuildingBlocks.Domain;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lmc.Projects.Application.Reports;

/// <summary>
/// The registry as an IATI 2.03 iati-activities file. Elements follow the schema's order; every
/// value carries its currency and value date; the Plan of Action paragraphs go out as tags of the
/// reporting organisation's own vocabulary (99). Transactions join when the Special Fund
/// publishes its commitments and disbursements.
/// </summary>
public sealed class IatiActivitiesExport(ProjectsDbContext db, IOptions<IatiOptions> options, TimeProvider time)
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    public async Task<string> ExportAsync(string? country, CancellationToken cancellationToken)
    {
        var query = db.Projects.AsNoTracking();
        if (country is not null)
        {
            query = query.Where(p => p.LeadCountry == country || p.PartnerCountries.Contains(country));
        }

        var projects = await query.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var ids = projects.Select(p => p.Id).ToList();
        var transactions = (await db.FundingTransactions.AsNoTracking().Where(t => ids.Contains(t.ProjectId)).OrderBy(t => t.ValueDate).ThenBy(t => t.ReceivedAt)
            .ToListAsync(cancellationToken)).ToLookup(t => t.ProjectId);
        if (projects.Count == 0)
        {
            // The schema requires at least one activity in a file.
            throw new NotFoundException("IATI activities", country ?? "all");
        }

        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement("iati-activities",
                new XAttribute("version", "2.03"),
                new XAttribute("generated-datetime", time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                projects.Select(p => Activity(p, transactions[p.Id]))));
        return document.Declaration + "\n" + document.Root;
    }

    private XElement Activity(Project project, IEnumerable<FundingTransaction> transactions)
    {
        var settings = options.Value;
        var activity = new XElement("iati-activity",
            new XAttribute(Xml + "lang", "en"),
            new XAttribute("default-currency", project.Budget.Currency),
            new XAttribute("last-updated-datetime", project.UpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XElement("iati-identifier", project.IatiIdentifier),
            new XElement("reporting-org", new XAttribute("ref", settings.ReportingOrgRef), new XAttribute("type", settings.ReportingOrgType),
                Narrative(settings.ReportingOrgName)),
            new XElement("title", Narrative(project.Title)),
            new XElement("description", new XAttribute("type", "1"), Narrative(string.IsNullOrWhiteSpace(project.Description) ? project.Title : project.Description)));

        // The lead country's government is accountable unless the proposal named who is.
        if (project.Organisations.All(o => o.Role != 2))
        {
            activity.Add(new XElement("participating-org", new XAttribute("role", "2"), new XAttribute("type", "10"),
                Narrative($"Government of {MemberCountries.NameOf(project.LeadCountry)} (LMC National Secretariat)")));
        }

        foreach (var organisation in project.Organisations)
        {
            activity.Add(new XElement("participating-org",
                organisation.Ref is null ? null : new XAttribute("ref", organisation.Ref),
                new XAttribute("role", organisation.Role.ToString(CultureInfo.InvariantCulture)),
                Narrative(organisation.Name)));
        }

        activity.Add(new XElement("activity-status", new XAttribute("code", project.Status.ToIatiActivityStatus().ToString(CultureInfo.InvariantCulture))));
        activity.Add(Date("1", project.PlannedStart));
        if (project.ActualStart is { } actualStart)
        {
            activity.Add(Date("2", actualStart));
        }

        activity.Add(Date("3", project.PlannedEnd));
        if (project.ActualEnd is { } actualEnd)
        {
            activity.Add(Date("4", actualEnd));
        }

        // Regional activity (activity-scope 2) in the lead and partner countries, in equal shares.
        activity.Add(new XElement("activity-scope", new XAttribute("code", "2")));
        var recipients = new[] { project.LeadCountry }.Concat(project.PartnerCountries).ToList();
        var shares = EqualShares(recipients.Count);
        activity.Add(recipients.Select((c, i) => new XElement("recipient-country",
            new XAttribute("code", c), new XAttribute("percentage", shares[i].ToString("0.##", CultureInfo.InvariantCulture)))));

        activity.Add(project.Sectors.Select(s => new XElement("sector",
            new XAttribute("vocabulary", "1"), new XAttribute("code", s.DacCode),
            new XAttribute("percentage", s.Percentage.ToString("0.##", CultureInfo.InvariantCulture)))));
        activity.Add(project.Paragraphs.Select(n => new XElement("tag",
            new XAttribute("vocabulary", "99"),
            new XAttribute("vocabulary-uri", settings.PlanVocabularyUri + project.PlanId),
            new XAttribute("code", $"PoA-{project.PlanId}-para-{n}"),
            Narrative($"Plan of Action {project.PlanId}, paragraph {n}"))));

        activity.Add(project.BudgetLines.Select(b => new XElement("budget",
            new XAttribute("type", b.Type.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("status", b.Status.ToString(CultureInfo.InvariantCulture)),
            new XElement("period-start", new XAttribute("iso-date", b.PeriodStart.ToIsoDate())),
            new XElement("period-end", new XAttribute("iso-date", b.PeriodEnd.ToIsoDate())),
            new XElement("value", new XAttribute("currency", b.Value.Currency), new XAttribute("value-date", b.ValueDate.ToIsoDate()), b.Value.FormatAmount()))));

        // The Special Fund's commitments (2) and disbursements (3), after the budgets as the schema orders them.
        activity.Add(transactions.Select(t => new XElement("transaction",
            new XElement("transaction-type", new XAttribute("code", t.Type)),
            new XElement("transaction-date", new XAttribute("iso-date", t.ValueDate.ToIsoDate())),
            new XElement("value", new XAttribute("currency", "USD"), new XAttribute("value-date", t.ValueDate.ToIsoDate()),
                t.AmountUsd.ToString("0.00", CultureInfo.InvariantCulture)),
            new XElement("description", Narrative(t.Description)),
            new XElement("provider-org", new XAttribute("ref", "XM-LMC-SF"), Narrative("Lancang-Mekong Cooperation Special Fund")))));

        activity.Add(project.Results.Select(r => new XElement("result",
            new XAttribute("type", r.Type.ToString(CultureInfo.InvariantCulture)),
            new XElement("title", Narrative(r.Title)),
            r.Indicators.Select(i => new XElement("indicator",
                new XAttribute("measure", i.Measure.ToString(CultureInfo.InvariantCulture)),
                new XElement("title", Narrative(i.Title)),
                i.BaselineYear is { } year
                    ? new XElement("baseline", new XAttribute("year", year.ToString(CultureInfo.InvariantCulture)),
                        i.BaselineValue is { } baseline ? new XAttribute("value", Number(baseline)) : null)
                    : null,
                i.Periods.Select(p => new XElement("period",
                    new XElement("period-start", new XAttribute("iso-date", p.PeriodStart.ToIsoDate())),
                    new XElement("period-end", new XAttribute("iso-date", p.PeriodEnd.ToIsoDate())),
                    p.Target is { } target ? new XElement("target", new XAttribute("value", Number(target))) : null,
                    p.Actual is { } actual ? new XElement("actual", new XAttribute("value", Number(actual))) : null)))))));
        return activity;
    }

    private static XElement Narrative(string text) => new("narrative", text);

    private static XElement Date(string type, DateOnly date) =>
        new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", date.ToIsoDate()));

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>Percentages that sum to exactly 100 with two decimals (the last takes the rounding).</summary>
    private static decimal[] EqualShares(int count)
    {
        var share = decimal.Round(100m / count, 2);
        var shares = Enumerable.Repeat(share, count).ToArray();
        shares[^1] = 100m - (share * (count - 1));
        return shares;
    }

}
