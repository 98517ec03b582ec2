using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Funding.Contracts;
using Lmc.Meetings.Contracts;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Projects.Tests.ProjectsServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Projects.Tests;

/// <summary>
/// A registry of five projects on its own database, entered through the API, whose 2019 report
/// was worked out by hand (see <see cref="ImplementationReportTests"/>):
/// P1 TH water, paras 43 and 47, USD 480,000, Mar 2019 - Feb 2020, adopted for 2019, in progress;
/// P2 LA connectivity, para 22, CNY 2,000,000 (USD 280,000 at 0.14), 2019, adopted for 2019;
/// P3 VN agriculture, para 53, USD 300,000, Jun - Dec 2019, proposed;
/// P4 KH water, para 47, USD 100,000, Jul 2018 - Jun 2019, cancelled;
/// P5 MM media, para 83, USD 50,000, 2021: outside 2019.
/// </summary>
public sealed class ReportScenarioFactory : ProjectsServiceFactory
{
    public Dictionary<string, string> Ids { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var client = GrpcClient();
        Ids["P1"] = await ProposeAsync(client, Country.Th, [Country.La], PriorityArea.WaterResources, "Flood early warning, Nakhon Phanom - Thakhek",
            "USD", "480000.00", "2019-03-01", "2020-02-28", [43, 47], ("14015", "100"), withIatiDetail: true);
        Ids["P2"] = await ProposeAsync(client, Country.La, [Country.Cn], PriorityArea.Connectivity, "Railway logistics hub at Vientiane",
            "CNY", "2000000.00", "2019-01-01", "2019-12-31", [22], ("21030", "100"));
        Ids["P3"] = await ProposeAsync(client, Country.Vn, [Country.Kh, Country.Mm], PriorityArea.AgricultureAndPovertyReduction,
            "Rice seed quality pilot", "USD", "300000.00", "2019-06-01", "2019-12-31", [53], ("31120", "100"));
        Ids["P4"] = await ProposeAsync(client, Country.Kh, [Country.Th], PriorityArea.WaterResources, "Tonle Sap fisheries survey",
            "USD", "100000.00", "2018-07-01", "2019-06-30", [47], ("14015", "100"));
        Ids["P5"] = await ProposeAsync(client, Country.Mm, [], PriorityArea.Connectivity, "Media exchange programme",
            "USD", "50000.00", "2021-01-01", "2021-12-31", [83], ("22040", "100"));

        foreach (var (key, lead) in new[] { ("P1", "TH"), ("P2", "LA") })
        {
            await client.SubmitProjectAsync(new SubmitProjectRequest { ProjectId = Ids[key] }, Secretariat(lead));
            await client.EndorseProjectAsync(new EndorseProjectRequest { ProjectId = Ids[key] },
                Bearer(TestTokens.For("MM", LmcRoles.Jwg(key == "P1" ? "water-resources" : "connectivity"))));
        }

        await AdoptThroughFmmAsync(2019, Ids["P1"], Ids["P2"]);
        await client.StartProjectAsync(new StartProjectRequest { ProjectId = Ids["P1"] }, Secretariat("TH"));
        await client.CancelProjectAsync(new CancelProjectRequest { ProjectId = Ids["P4"], Reason = "Merged into a regional survey" }, Secretariat("KH"));

        // The Special Fund's money for P1, as the funding service announces it: 400,000 committed
        // and 160,000 disbursed in 2019, and 20,000 more committed in 2020 (not in the 2019 figures).
        var bus = Services.GetRequiredService<IBus>();
        var p1 = Guid.Parse(Ids["P1"]);
        var grant = Guid.NewGuid();
        await bus.Publish(new CommitmentMade(grant, p1, "TH", "water-resources", 2019, 400_000m, new DateOnly(2019, 4, 1), "original", DateTimeOffset.UtcNow));
        await bus.Publish(new DisbursementMade(grant, p1, "TH", "water-resources", 1, 160_000m, new DateOnly(2019, 8, 15), DateTimeOffset.UtcNow));
        await bus.Publish(new CommitmentMade(grant, p1, "TH", "water-resources", 2019, 20_000m, new DateOnly(2020, 2, 1), "amendment", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => InDatabaseAsync(db => db.FundingTransactions.CountAsync(t => t.ProjectId == p1).ContinueWith(c => c.Result == 3)),
            because: "the fund's events to reach the registry");

        // Para 5: the SOM submitted the 2019 report and the FMM commended it (the meetings service's events).
        await bus.Publish(new ImplementationReportSubmitted(Guid.NewGuid(), "LMC/SOM.3", 2019, DateTimeOffset.UtcNow));
        await bus.Publish(new ImplementationReportCommended(Guid.NewGuid(), "LMC/FMM.5", 2019, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => InDatabaseAsync(db => db.ReportDecisions.AnyAsync(d => d.Year == 2019 && d.SubmittedBy != null && d.CommendedBy != null)),
            because: "the meetings' decisions on the 2019 report to reach the registry");
    }

    private static Metadata Secretariat(string country) => Bearer(TestTokens.For(country, LmcRoles.Secretariat));

    private static async Task<string> ProposeAsync(
        ProjectsService.ProjectsServiceClient client, Country lead, Country[] partners, PriorityArea area, string title, string currency, string amount,
        string start, string end, int[] paragraphs, (string Code, string Percentage) sector, bool withIatiDetail = false)
    {
        var request = new ProposeProjectRequest
        {
            LeadCountry = lead,
            PriorityArea = area,
            Title = title,
            Description = title + ", proposed in the 2019 cycle.",
            Budget = new Money { Currency = currency, Amount = amount },
            PlannedStartDate = start,
            PlannedEndDate = end,
        };
        request.PartnerCountries.AddRange(partners);
        request.Paragraphs.AddRange(paragraphs);
        request.Sectors.Add(new SectorShare { DacCode = sector.Code, Percentage = sector.Percentage });
        if (withIatiDetail)
        {
            request.ParticipatingOrganisations.Add(new ParticipatingOrganisation { Name = "LMC Special Fund", Role = 1 });
            request.ParticipatingOrganisations.Add(new ParticipatingOrganisation { Name = "Department of Water Resources, Thailand", Role = 4, Country = Country.Th });
            request.BudgetLines.Add(new BudgetLine
            {
                Type = 1, Status = 2, PeriodStart = "2019-03-01", PeriodEnd = "2020-02-28",
                Value = new Money { Currency = "USD", Amount = "480000.00" }, ValueDate = "2019-03-01",
            });
            var result = new Result { Type = 1, Title = "Flood forecasts shared across the border" };
            var indicator = new Indicator { Title = "Stations reporting daily to both countries", Measure = 1, BaselineYear = 2018, BaselineValue = "2" };
            indicator.Periods.Add(new IndicatorPeriod { PeriodStart = "2019-03-01", PeriodEnd = "2020-02-28", Target = "12", Actual = "9" });
            result.Indicators.Add(indicator);
            request.Results.Add(result);
        }

        return (await client.ProposeProjectAsync(request, Secretariat(CountryCode(lead)))).Project.ProjectId;
    }

    private static string CountryCode(Country country) => BuildingBlocks.Grpc.CommonMapping.ToCode(country)!;
}

[CollectionDefinition(Name)]
public sealed class ReportScenarioGroup : ICollectionFixture<ReportScenarioFactory>
{
    public const string Name = "report scenario";
}
