using System.Net;
using System.Text;
using Grpc.Core;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.Testing;
using Microsoft.EntityFrameworkCore;
using static Lmc.HealthSurveillance.Tests.SurveillanceServiceFactory;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>Weekly reports in: single, bulk and DHIS2 CSV; corrections with history; a country's own units only.</summary>
[Collection(SurveillanceServiceGroup.Name)]
public sealed class IngestTests(SurveillanceServiceFactory service)
{
    private readonly HealthSurveillanceService.HealthSurveillanceServiceClient _client = service.Client();

    [Fact]
    public async Task A_correction_replaces_the_value_and_keeps_the_earlier_one_in_history()
    {
        var value = new WeeklyValue { Disease = "measles", Unit = "KH-12", EpiYear = 2024, EpiWeek = 10, Cases = 4, Deaths = 0 };
        var first = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest { Value = value }, FocalPoint("KH"))).Result;
        var same = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest { Value = value }, FocalPoint("KH"))).Result;
        value.Cases = 6;
        value.Deaths = 1;
        var corrected = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest { Value = value }, FocalPoint("KH"))).Result;

        Assert.Equal((1, 0, 0), (first.Inserted, first.Corrected, first.Unchanged));
        Assert.Equal((0, 0, 1), (same.Inserted, same.Corrected, same.Unchanged));
        Assert.Equal((0, 1, 0), (corrected.Inserted, corrected.Corrected, corrected.Unchanged));
        var history = (await _client.GetReportHistoryAsync(new GetReportHistoryRequest { Disease = "measles", Unit = "KH-12", EpiYear = 2024, EpiWeek = 10 }, FocalPoint("TH"))).Revisions;
        Assert.Equal([(6, 1, 2L), (4, 0, 1L)], history.Select(r => (r.Cases, r.Deaths, r.Version)));
    }

    [Fact]
    public async Task A_country_reports_only_its_own_units_and_a_refused_batch_writes_nothing()
    {
        var request = new SubmitWeeklyReportsRequest
        {
            Values =
            {
                new WeeklyValue { Disease = "typhoid", Unit = "LA-VT", EpiYear = 2024, EpiWeek = 3, Cases = 2 },
                new WeeklyValue { Disease = "typhoid", Unit = "TH-10", EpiYear = 2024, EpiWeek = 3, Cases = 5 },
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.SubmitWeeklyReportsAsync(request, FocalPoint("LA")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("TH-10", error.Status.Detail);
        Assert.False(await service.InDatabaseAsync(db => db.WeeklyReports.AnyAsync(r => r.Disease == "typhoid")));
    }

    [Fact]
    public async Task Bad_values_are_refused_by_their_position_in_the_batch()
    {
        var request = new SubmitWeeklyReportsRequest
        {
            Values =
            {
                new WeeklyValue { Disease = "dengue", Unit = "VN-44", EpiYear = 2021, EpiWeek = 53, Cases = 1 },
                new WeeklyValue { Disease = "zika-x", Unit = "VN-44", EpiYear = 2021, EpiWeek = 2, Cases = 1 },
                new WeeklyValue { Disease = "dengue", Unit = "VN-44", EpiYear = 2021, EpiWeek = 3, Cases = 1, Deaths = 2 },
                new WeeklyValue { Disease = "dengue", Unit = "VN-XX", EpiYear = 2021, EpiWeek = 4, Cases = 1 },
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.SubmitWeeklyReportsAsync(request, FocalPoint("VN")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("values[0].epi_week", error.Status.Detail);
        Assert.Contains("week 53 does not exist", error.Status.Detail);
        Assert.Contains("values[1].disease", error.Status.Detail);
        Assert.Contains("values[2].cases", error.Status.Detail);
        Assert.Contains("values[3].unit", error.Status.Detail);
    }

    [Fact]
    public async Task Week_53_is_accepted_in_a_53_week_year_in_both_systems()
    {
        var result = (await _client.SubmitWeeklyReportsAsync(new SubmitWeeklyReportsRequest
        {
            Values =
            {
                new WeeklyValue { Disease = "chikungunya", Unit = "TH-10", EpiYear = 2020, EpiWeek = 53, Cases = 3 },
                new WeeklyValue { Disease = "chikungunya", Unit = "TH-10", EpiYear = 2020, EpiWeek = 53, WeekSystem = WeekSystem.Mmwr, Cases = 3 },
            },
        }, FocalPoint("TH"))).Result;

        Assert.Equal(2, result.Inserted);
        var starts = await service.InDatabaseAsync(db => db.WeeklyReports.Where(r => r.Disease == "chikungunya").OrderBy(r => r.WeekStart).Select(r => r.WeekStart).ToListAsync());
        // ISO 2020-W53 starts Monday 28 December 2020; MMWR 2020 week 53 starts Sunday 27 December.
        Assert.Equal([new DateOnly(2020, 12, 27), new DateOnly(2020, 12, 28)], starts);
    }

    [Fact]
    public async Task A_dhis2_data_value_set_in_csv_is_imported_with_iso_and_sunday_weeks()
    {
        const string csv = """
            dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup
            japanese-encephalitis.cases,2023W7,MM-01,,,3,dhis,2023-02-20,,false
            japanese-encephalitis.deaths,2023W7,MM-01,,,1,dhis,2023-02-20,"late, confirmed",false
            japanese-encephalitis.cases,2023SunW7,MM-01,,,2,dhis,2023-02-20,,false
            """;
        using var http = service.RestClient(TestTokens.For("MM", Lmc.BuildingBlocks.Auth.LmcRoles.HealthFocalPoint));

        var response = await http.PostAsync("/api/v1/weekly-reports:import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await service.InDatabaseAsync(db => db.WeeklyReports.Where(r => r.Disease == "japanese-encephalitis").OrderBy(r => r.WeekStart).ToListAsync());
        Assert.Equal([(new DateOnly(2023, 2, 12), 2, 0), (new DateOnly(2023, 2, 13), 3, 1)], rows.Select(r => (r.WeekStart, r.Cases, r.Deaths)));
    }

    [Fact]
    public async Task A_malformed_csv_row_is_a_problem_naming_its_line()
    {
        using var http = service.RestClient(TestTokens.For("MM", Lmc.BuildingBlocks.Auth.LmcRoles.HealthFocalPoint));

        var response = await http.PostAsync("/api/v1/weekly-reports:import", new StringContent(
            "dataelement,period,orgunit,value\nmeasles.cases,2023-02,MM-01,3\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("csv.line[2].period", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_week_that_has_not_begun_or_lies_before_2000_is_refused()
    {
        var next = DateTime.UtcNow.AddDays(8);
        var request = new SubmitWeeklyReportsRequest
        {
            Values =
            {
                new WeeklyValue { Disease = "typhoid", Unit = "VN-44", EpiYear = System.Globalization.ISOWeek.GetYear(next), EpiWeek = System.Globalization.ISOWeek.GetWeekOfYear(next), Cases = 1 },
                new WeeklyValue { Disease = "typhoid", Unit = "VN-44", EpiYear = 1024, EpiWeek = 3, Cases = 1 },
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.SubmitWeeklyReportsAsync(request, FocalPoint("VN")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("values[0].epi_week", error.Status.Detail);
        Assert.Contains("has not begun", error.Status.Detail);
        Assert.Contains("values[1].epi_week", error.Status.Detail);
    }

    [Fact]
    public async Task A_csv_saved_by_excel_with_a_byte_order_mark_and_blank_lines_is_read_and_errors_name_the_real_line()
    {
        using var http = service.RestClient(TestTokens.For("MM", Lmc.BuildingBlocks.Auth.LmcRoles.HealthFocalPoint));

        var ok = await http.PostAsync("/api/v1/weekly-reports:import", new StringContent(
            "\uFEFFdataelement,period,orgunit,value\r\n\r\nrabies.cases,2023W9,MM-02,0\r\n", Encoding.UTF8, "text/csv"));
        var bad = await http.PostAsync("/api/v1/weekly-reports:import", new StringContent(
            "dataelement,period,orgunit,value\n\nrabies.cases,2023W9,MM-02,-1\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("csv.line[3].value", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_history_of_a_week_that_cannot_exist_is_a_bad_request_not_a_missing_report()
    {
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.GetReportHistoryAsync(
            new GetReportHistoryRequest { Disease = "dengue", Unit = "KH-12", EpiYear = 2021, EpiWeek = 53 }, FocalPoint("KH")).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.GetReportHistoryAsync(
            new GetReportHistoryRequest { Disease = "dengue", Unit = "XX-1", EpiYear = 2021, EpiWeek = 3 }, FocalPoint("KH")).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await Refusals.StatusOf(() => _client.GetReportHistoryAsync(
            new GetReportHistoryRequest { Disease = "dengue", Unit = "KH-12", EpiYear = 2021, EpiWeek = 3 }, FocalPoint("KH")).ResponseAsync));
    }
}
