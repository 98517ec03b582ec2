using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.Testing;
using static Lmc.HealthSurveillance.Tests.SurveillanceServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>
/// Who may call what: reads need the service's read scope; reporting and the alert workflow need
/// its write scope and a focal-point role of a member country (and, per object, the same country).
/// </summary>
[Collection(SurveillanceServiceGroup.Name)]
public sealed class AuthorizationTests(SurveillanceServiceFactory service)
{
    private readonly HealthSurveillanceService.HealthSurveillanceServiceClient _client = service.Client();

    public static TheoryData<string, string, StatusCode> Cells => new()
    {
        { "ListDiseases", "anonymous", StatusCode.Unauthenticated },
        { "ListDiseases", "other-service", StatusCode.PermissionDenied },
        { "ListDiseases", "secretariat", StatusCode.OK },
        { "Submit", "anonymous", StatusCode.Unauthenticated },
        { "Submit", "secretariat", StatusCode.PermissionDenied },
        { "Submit", "read-only-focal-point", StatusCode.PermissionDenied },
        { "Submit", "admin", StatusCode.PermissionDenied },
        { "Submit", "water-focal-point", StatusCode.PermissionDenied },
        { "Submit", "focal-point", StatusCode.OK },
        { "Inbox", "secretariat", StatusCode.PermissionDenied },
        { "Inbox", "focal-point", StatusCode.OK },
        { "Inbox", "admin", StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_call_is_allowed_only_to_its_callers(string rpc, string caller, StatusCode expected)
    {
        var headers = caller switch
        {
            "anonymous" => [],
            "other-service" => Bearer(TestTokens.Mint("TH", [LmcRoles.HealthFocalPoint], scopes: [LmcScopes.Write("projects")])),
            "secretariat" => Bearer(TestTokens.For("TH", LmcRoles.Secretariat)),
            "read-only-focal-point" => Bearer(TestTokens.Mint("TH", [LmcRoles.HealthFocalPoint], scopes: [LmcScopes.Read("health-surveillance")])),
            "admin" => Bearer(TestTokens.For(null, LmcRoles.Admin)),
            "water-focal-point" => Bearer(TestTokens.For("TH", LmcRoles.WaterFocalPoint)),
            _ => FocalPoint("TH"),
        };
        Func<Task> call = rpc switch
        {
            "ListDiseases" => () => _client.ListDiseasesAsync(new ListDiseasesRequest(), headers).ResponseAsync,
            "Submit" => () => _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest
            {
                Value = new WeeklyValue { Disease = "rabies", Unit = "TH-11", EpiYear = 2022, EpiWeek = 5 + caller.Length, Cases = 0 },
            }, headers).ResponseAsync,
            _ => () => _client.ListCrossBorderNoticesAsync(new ListCrossBorderNoticesRequest { Country = Country.Th }, headers).ResponseAsync,
        };

        if (expected == StatusCode.OK)
        {
            await call();
        }
        else
        {
            Assert.Equal(expected, await Refusals.StatusOf(call));
        }
    }

    [Fact]
    public async Task Diseases_units_epi_curves_and_timeliness_answer_over_rest()
    {
        using var http = service.RestClient(TestTokens.For("CN", LmcRoles.Secretariat));
        await _client.SubmitWeeklyReportsAsync(new SubmitWeeklyReportsRequest { Values = { Steady("hand-foot-mouth-disease", "CN-YN", 2024, 10, 4) } }, FocalPoint("CN"));

        var units = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin-units?country=COUNTRY_CN&borderOnly=true");
        var curve = await http.GetFromJsonAsync<JsonElement>("/api/v1/epi-curves?disease=hand-foot-mouth-disease&country=COUNTRY_CN&fromYear=2024");
        var timeliness = await http.GetFromJsonAsync<JsonElement>("/api/v1/timeliness?country=COUNTRY_CN&year=2024");
        var diseases = await http.GetFromJsonAsync<JsonElement>("/api/v1/diseases");

        var yunnan = units.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "CN-YN");
        Assert.Contains("LA-PH", yunnan.GetProperty("facingUnits").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([10, 11, 12, 10], curve.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("cases").GetInt32()));
        Assert.Equal("2024-03-04", curve.GetProperty("points")[3].GetProperty("weekStart").GetString());
        // Reporting timeliness of the four weeks 2024-W07..W10 sent now: the median of their week ends (26 February and 4 March) is noon on 29 February 2024.
        var china = Assert.Single(timeliness.GetProperty("countries").EnumerateArray());
        Assert.Equal(4, china.GetProperty("reports").GetInt32());
        var expected = (DateTimeOffset.UtcNow - new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero)).TotalHours;
        Assert.InRange(china.GetProperty("medianHoursWeekEndToReport").GetDouble(), expected - 1, expected + 1);
        Assert.Contains(diseases.GetProperty("diseases").EnumerateArray(), d => d.GetProperty("code").GetString() == "dengue"
            && d.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).Contains("ENDEMIC_CHANNEL"));
    }
}
