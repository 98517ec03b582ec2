using Lmc.BuildingBlocks.Domain;
using System.Globalization;
using System.Net;
using System.Text;
using Lmc.Projects.Domain;

namespace Lmc.Projects.Application.Reports;

/// <summary>
/// The report as the document an FMM receives, in Markdown or HTML. Both are written from the
/// same sections so that they never say different things.
/// </summary>
public static class ReportDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static (string ContentType, string Body) Render(ImplementationReport report, string format) => format switch
    {
        "" or "markdown" => ("text/markdown; charset=utf-8", Write(report, new Markdown())),
        "html" => ("text/html; charset=utf-8", Write(report, new Html())),
        _ => throw new BuildingBlocks.Domain.ValidationException("format", "must be markdown or html"),
    };

    private static string Write(ImplementationReport r, IWriter w)
    {
        w.Title($"Implementation Progress Report of the {r.PlanTitle}: {r.Year}");
        w.Paragraph(
            $"Submitted to the Foreign Ministers' Meeting through the Senior Officials' Meeting, as paragraph 5 of the Plan of Action asks. " +
            $"{r.Year} falls in the {Stage(r.Stage)} stage of the plan, in which " +
            (r.LargeProjectsAllowed ? "large projects may be explored." : "small and medium-sized projects are implemented.") +
            $" The registry counts {r.ProjectCount} cooperation projects active or adopted in {r.Year}, with budgets of USD {Usd(r.BudgetUsd)} in all.");

        w.Heading("1. Progress by pillar");
        w.Table(["Pillar", "Projects", "Status", "Budget (USD)"],
            r.Pillars.Select(p => new[] { $"{p.Code} {p.Title}", p.Projects.ToString(Invariant), Statuses(p.ByStatus), Usd(p.BudgetUsd) }));

        w.Heading("2. Progress by sector");
        w.Table(["Sector", "Projects", "Status", "Budget (USD)"],
            r.Sectors.Select(s => new[] { $"{s.Code} {s.Title}", s.Projects.ToString(Invariant), Statuses(s.ByStatus), Usd(s.BudgetUsd) }));

        w.Heading("3. Paragraphs served");
        w.Paragraph("Each project counts under every paragraph it serves, with its whole budget.");
        w.Table(["Paragraph", "Sector", "Status", "Budget (USD)", "Committed (USD)", "Disbursed (USD)"],
            r.Paragraphs.Where(p => p.ProjectIds.Count > 0).Select(p => new[]
            {
                p.Number.ToString(Invariant), p.Sector ?? "", Statuses(p.ByStatus), Usd(p.BudgetUsd), Usd(p.CommittedUsd), Usd(p.DisbursedUsd),
            }));

        w.Heading("4. Paragraphs not yet served");
        w.Paragraph(r.ParagraphsWithoutProjects.Count == 0
            ? "Every paragraph of practical cooperation has at least one project."
            : $"{r.ParagraphsWithoutProjects.Count} paragraphs of practical cooperation have no project yet: " +
              string.Join(", ", r.ParagraphsWithoutProjects.Select(n => n.ToString(Invariant))) + ".");

        w.Heading("5. Participation of the member countries");
        w.Table(["Country", "Projects led", "Projects as partner", "Budget led (USD)"],
            r.Countries.Select(c => new[] { MemberCountries.NameOf(c.Country), c.Led.ToString(Invariant), c.Partnered.ToString(Invariant), Usd(c.BudgetLedUsd) }));

        w.Heading("6. The stage rule");
        w.Paragraph(r.StageCompliance.Violations.Count == 0
            ? $"All {r.StageCompliance.ProjectsAdopted} projects adopted for {r.Year} respect the size rule of the {Stage(r.StageCompliance.Stage)} stage."
            : $"{r.StageCompliance.Violations.Count} of {r.StageCompliance.ProjectsAdopted} projects adopted for {r.Year} exceed the size rule of the stage: " +
              string.Join("; ", r.StageCompliance.Violations) + ".");

        w.Heading("7. Funding");
        w.Paragraph(r.FundingNote);

        w.Heading("8. Para 5");
        w.Paragraph((r.SubmittedBy, r.CommendedBy) switch
        {
            (null, null) => "This report has not yet been submitted to the Foreign Ministers' Meeting through the Senior Officials' Meeting.",
            (var som, null) => $"Submitted to the Foreign Ministers' Meeting through {som}; not yet commended.",
            (var som, var fmm) => $"Submitted through {som ?? "the Senior Officials' Meeting"} and commended by {fmm}.",
        });
        return w.ToString()!;
    }

    private static string Stage(string name) => name.Replace('-', ' ');

    private static string Usd(decimal amount) => amount.ToString("N2", Invariant);

    private static string Statuses(IReadOnlyDictionary<ProjectStatus, int> byStatus) => byStatus.Count == 0
        ? "none"
        : string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Value} {(s.Key == ProjectStatus.InProgress ? "in progress" : s.Key.ToString().ToLowerInvariant())}"));

    private interface IWriter
    {
        void Title(string text);
        void Heading(string text);
        void Paragraph(string text);
        void Table(string[] header, IEnumerable<string[]> rows);
    }

    private sealed class Markdown : IWriter
    {
        private readonly StringBuilder _text = new();

        public void Title(string text) => _text.Append("# ").AppendLine(text).AppendLine();

        public void Heading(string text) => _text.Append("## ").AppendLine(text).AppendLine();

        public void Paragraph(string text) => _text.AppendLine(text).AppendLine();

        public void Table(string[] header, IEnumerable<string[]> rows)
        {
            _text.AppendLine("| " + string.Join(" | ", header) + " |");
            _text.AppendLine("|" + string.Concat(header.Select(_ => " --- |")));
            foreach (var row in rows)
            {
                _text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }

            _text.AppendLine();
        }

        public override string ToString() => _text.ToString();
    }

    private sealed class Html : IWriter
    {
        private readonly StringBuilder _body = new();
        private string _title = "";

        public void Title(string text)
        {
            _title = text;
            _body.Append("<h1>").Append(WebUtility.HtmlEncode(text)).AppendLine("</h1>");
        }

        public void Heading(string text) => _body.Append("<h2>").Append(WebUtility.HtmlEncode(text)).AppendLine("</h2>");

        public void Paragraph(string text) => _body.Append("<p>").Append(WebUtility.HtmlEncode(text)).AppendLine("</p>");

        public void Table(string[] header, IEnumerable<string[]> rows)
        {
            _body.AppendLine("<table>").Append("<tr>");
            foreach (var cell in header)
            {
                _body.Append("<th>").Append(WebUtility.HtmlEncode(cell)).Append("</th>");
            }

            _body.AppendLine("</tr>");
            foreach (var row in rows)
            {
                _body.Append("<tr>");
                foreach (var cell in row)
                {
                    _body.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
                }

                _body.AppendLine("</tr>");
            }

            _body.AppendLine("</table>");
        }

        public override string ToString() =>
            $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(_title)}</title>" +
            "<style>body{font-family:serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}</style>" +
            $"</head><body>\n{_body}</body></html>\n";
    }
}
