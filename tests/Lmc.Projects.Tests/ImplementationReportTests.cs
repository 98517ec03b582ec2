using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;

namespace Lmc.Projects.Tests;

/// <summary>The 2019 report of the scenario against figures worked out by hand, and the IATI file against the official schema.</summary>
[Collection(ReportScenarioGroup.Name)]
public sealed class ImplementationReportTests(ReportScenarioFactory scenario)
{
    private readonly HttpClient _http = scenario.RestClient(TestTokens.For("TH", LmcRoles.Secretariat));

    [Fact]
    public async Task The_2019_report_has_the_figures_worked_out_by_hand()
    {
        var report = (await _http.GetFromJsonAsync<JsonElement>("/api/v1/reports/implementation/2019")).GetProperty("report");

        Assert.Equal("2018-2022", report.GetProperty("planId").GetString());
        Assert.Equal("foundation-laying", report.GetProperty("stage").GetString());

        var p47 = Paragraph(report, 47);
        Assert.Equal("580000.00", p47.GetProperty("budget").GetProperty("amount").GetString());
        // The Special Fund's 2019 commitment and disbursement for P1 (the 2020 amendment is not in 2019).
        Assert.Equal("400000.00", p47.GetProperty("committed").GetProperty("amount").GetString());
        Assert.Equal("160000.00", p47.GetProperty("disbursed").GetProperty("amount").GetString());
        Assert.Equal("0.00", Paragraph(report, 22).GetProperty("committed").GetProperty("amount").GetString());
        Assert.Equal("LMC/SOM.3", report.GetProperty("submittedBy").GetString());
        Assert.Equal("LMC/FMM.5", report.GetProperty("commendedBy").GetString());
        Assert.Equal(
            new Dictionary<string, int> { ["PROJECT_STATUS_IN_PROGRESS"] = 1, ["PROJECT_STATUS_CANCELLED"] = 1 },
            p47.GetProperty("projectsByStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("projects").GetInt32()));
        Assert.Equal("280000.00", Paragraph(report, 22).GetProperty("budget").GetProperty("amount").GetString());
        Assert.Equal("300000.00", Paragraph(report, 53).GetProperty("budget").GetProperty("amount").GetString());
        Assert.Equal(0, Paragraph(report, 83).GetProperty("projectIds").GetArrayLength()); // P5 is not in 2019

        Assert.Equal(("2", "580000.00"), Group(report, "sectors", "4.2.5"));
        Assert.Equal(("1", "280000.00"), Group(report, "sectors", "4.2.1"));
        Assert.Equal(("4", "1160000.00"), Group(report, "pillars", "4.2"));
        Assert.Equal(("0", "0.00"), Group(report, "pillars", "4.3"));

        var without = report.GetProperty("paragraphsWithoutProjects").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.Equal(78, without.Count);
        Assert.DoesNotContain(47, without);
        Assert.Contains(83, without);
        Assert.Contains(42, without);

        var countries = report.GetProperty("countries").EnumerateArray().ToDictionary(
            c => c.GetProperty("country").GetString()!,
            c => (Led: c.TryGetProperty("led", out var l) ? l.GetInt32() : 0, Partnered: c.TryGetProperty("partnered", out var p) ? p.GetInt32() : 0,
                Budget: c.GetProperty("budgetLed").GetProperty("amount").GetString()));
        Assert.Equal((1, 1, "480000.00"), countries["COUNTRY_TH"]);
        Assert.Equal((1, 1, "280000.00"), countries["COUNTRY_LA"]);
        Assert.Equal((1, 1, "100000.00"), countries["COUNTRY_KH"]);
        Assert.Equal((0, 1, "0.00"), countries["COUNTRY_MM"]);
        Assert.Equal((0, 1, "0.00"), countries["COUNTRY_CN"]);

        var compliance = report.GetProperty("stageCompliance");
        Assert.Equal(2, compliance.GetProperty("projectsAdopted").GetInt32());
        Assert.Equal(0, compliance.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task The_report_reads_as_a_document_in_markdown_and_html()
    {
        var markdown = await _http.GetAsync("/api/v1/reports/implementation/2019/document");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# Implementation Progress Report of the Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022): 2019", text);
        Assert.Contains("foundation laying stage", text);
        Assert.Contains("| 4.2.5 Water Resources | 2 | 1 in progress, 1 cancelled | 580,000.00 |", text);
        Assert.Contains("78 paragraphs of practical cooperation have no project yet", text);
        Assert.Contains("Submitted through LMC/SOM.3 and commended by LMC/FMM.5.", text);

        var html = await _http.GetAsync("/api/v1/reports/implementation/2019/document?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<td>4.2.5 Water Resources</td>", page);
        Assert.Contains("<td>Lao PDR</td>", page);

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/api/v1/reports/implementation/2019/document?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_iati_export_is_valid_against_the_official_2_03_schema()
    {
        var response = await _http.GetAsync("/api/v1/iati/activities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        var problems = Validate(xml);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var document = XDocument.Parse(xml);
        var activities = document.Root!.Elements("iati-activity").ToList();
        Assert.Equal(5, activities.Count);
        Assert.Equal(activities.Count, activities.Select(a => a.Element("iati-identifier")!.Value).Distinct().Count());
        var p1 = activities.Single(a => a.Element("title")!.Element("narrative")!.Value.StartsWith("Flood early warning", StringComparison.Ordinal));
        Assert.Equal("2", p1.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["PoA-2018-2022-para-43", "PoA-2018-2022-para-47"], p1.Elements("tag").Select(t => t.Attribute("code")!.Value));
        Assert.Equal("480000.00", p1.Element("budget")!.Element("value")!.Value);
        Assert.Equal("9", p1.Element("result")!.Element("indicator")!.Element("period")!.Element("actual")!.Attribute("value")!.Value);
        Assert.Contains(p1.Elements("activity-date"), d => d.Attribute("type")!.Value == "2"); // actual start
        Assert.Equal([("2", "400000.00"), ("3", "160000.00"), ("2", "20000.00")],
            p1.Elements("transaction").Select(t => (t.Element("transaction-type")!.Attribute("code")!.Value, t.Element("value")!.Value)));
    }

    [Fact]
    public async Task The_iati_validator_in_this_test_really_catches_a_broken_file()
    {
        var xml = await _http.GetStringAsync("/api/v1/iati/activities");
        var broken = XDocument.Parse(xml);
        broken.Root!.Element("iati-activity")!.Element("reporting-org")!.Remove();
        Assert.NotEmpty(Validate(broken.ToString()));
    }

    private static JsonElement Paragraph(JsonElement report, int number) =>
        report.GetProperty("paragraphs").EnumerateArray().Single(p => p.GetProperty("number").GetInt32() == number);

    private static (string Projects, string Budget) Group(JsonElement report, string kind, string code)
    {
        var line = report.GetProperty(kind).EnumerateArray().Single(g => g.GetProperty("code").GetString() == code);
        var count = line.GetProperty("projectsByStatus").EnumerateArray().Sum(s => s.GetProperty("projects").GetInt32());
        return (count.ToString(System.Globalization.CultureInfo.InvariantCulture), line.GetProperty("budget").GetProperty("amount").GetString()!);
    }

    /// <summary>Validates against the IATI 2.03 activity schema carried beside this test (Iati/, copied to the output).</summary>
    private static List<string> Validate(string xml)
    {
        var schema = Path.Combine(AppContext.BaseDirectory, "Iati", "iati-activities-schema.xsd");
        Assert.True(File.Exists(schema), $"The IATI 2.03 schema is missing from the test's output: {schema}.");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(schema, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, reader);
        }

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var validating = XmlReader.Create(new StringReader(xml), settings);
        while (validating.Read())
        {
        }

        return problems;
    }
}
