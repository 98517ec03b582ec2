using System.Net;
using System.Text.Json;
using Lmc.Testing;

namespace Lmc.EndToEnd.Tests;

/// <summary>
/// Para 5 across the platform, all through the gateway over REST: a project goes on the annual
/// list, the projects service compiles it, the SOM recommends it and the FMM adopts it by
/// consensus in the meetings service, the project shows as adopted in the projects service, and
/// the Special Fund, asking projects, takes an application for it.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class FmmAdoptionTests(PlatformFixture platform)
{
    private static readonly string[] Members = ["cn", "kh", "la", "mm", "th", "vn"];

    [Fact]
    public async Task The_fmm_adopts_the_list_the_som_recommended_and_the_projects_show_as_adopted()
    {
        const int year = 2027;
        var admin = await platform.TokenAsync("dev-admin");
        var thailand = await platform.TokenAsync("dev-th-secretariat");
        var waterJwg = await platform.TokenAsync("dev-th-jwg-water-resources");
        var secretariats = new Dictionary<string, string>();
        foreach (var member in Members)
        {
            secretariats[member] = await platform.TokenAsync($"dev-{member}-secretariat");
        }

        var project = await As(thailand).PostAsync("/api/v1/projects", """
            {
              "leadCountry": "COUNTRY_TH", "partnerCountries": ["COUNTRY_LA"], "priorityArea": "PRIORITY_AREA_WATER_RESOURCES",
              "title": "Mekong flood forecasting for Nakhon Phanom and Khammouane",
              "budget": { "currency": "USD", "amount": "450000.00" },
              "plannedStartDate": "2027-01-01", "plannedEndDate": "2027-12-31",
              "paragraphs": [47], "sectors": [ { "dacCode": "14015", "percentage": "100" } ]
            }
            """);
        var projectId = project.GetProperty("project").GetProperty("projectId").GetString()!;
        await As(thailand).PostAsync($"/api/v1/projects/{projectId}:submit", "{}");
        await As(waterJwg).PostAsync($"/api/v1/projects/{projectId}:endorse", "{}");

        // Long enough for the nomination on a loaded CI machine; the test then waits it out.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(8);
        await As(admin).PostAsync("/api/v1/annual-lists", $$"""{ "year": {{year}}, "nominationDeadline": "{{deadline:O}}" }""");
        await As(thailand).PostAsync($"/api/v1/annual-lists/{year}:nominate", $$"""{ "projectId": "{{projectId}}" }""");
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        await As(admin).PostAsync($"/api/v1/annual-lists/{year}:compile", "{}");

        // The SOM in session: the compiled list reaches the meetings service as an event.
        var som = await HeldMeetingAsync(admin, secretariats, "som");
        var recommendation = await Eventually.ReturnsAsync(async () =>
        {
            var (status, body) = await As(admin).SendAsync("/api/v1/meetings/" + som + "/agenda-items",
                $$"""{ "kind": "AGENDA_ITEM_KIND_ANNUAL_PROJECT_LIST", "year": {{year}}, "text": "The SOM recommends the {{year}} list to the FMM." }""");
            return status == HttpStatusCode.OK ? body.GetProperty("item").GetProperty("id").GetString() : null;
        }, because: "the compiled list to reach the meetings service");
        await AllSupportAsync(secretariats, recommendation);
        await As(admin).PostAsync($"/api/v1/agenda-items/{recommendation}:decide", "{}");

        // The FMM: refused while Myanmar is not on record, adopted once all six are.
        var fmm = await HeldMeetingAsync(admin, secretariats, "fmm");
        var adoption = (await As(admin).PostAsync("/api/v1/meetings/" + fmm + "/agenda-items",
            $$"""{ "kind": "AGENDA_ITEM_KIND_ANNUAL_PROJECT_LIST", "year": {{year}}, "text": "The FMM adopts the {{year}} list." }""")).GetProperty("item");
        Assert.Equal([projectId], adoption.GetProperty("projectIds").EnumerateArray().Select(e => e.GetString()));
        var itemId = adoption.GetProperty("id").GetString()!;
        await AllSupportAsync(secretariats, itemId, except: "mm");
        var (refused, problem) = await As(admin).SendAsync($"/api/v1/agenda-items/{itemId}:decide", "{}");
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("Not present: MM", problem.GetProperty("detail").GetString());
        await AllSupportAsync(secretariats, itemId, only: "mm");
        var decided = await As(admin).PostAsync($"/api/v1/agenda-items/{itemId}:decide", "{}");
        Assert.Equal("AGENDA_ITEM_STATUS_ADOPTED", decided.GetProperty("item").GetProperty("status").GetString());

        await Eventually.TrueAsync(async () => (await As(thailand).GetAsync($"/api/v1/projects/{projectId}")).GetProperty("project")
            .GetProperty("status").GetString() == "PROJECT_STATUS_ADOPTED", because: "the FMM's adoption to reach the projects service");
        var adopted = (await As(thailand).GetAsync($"/api/v1/projects/{projectId}")).GetProperty("project");
        Assert.Equal(year, adopted.GetProperty("adoptedForYear").GetInt32());
        var list = await As(thailand).GetAsync($"/api/v1/annual-lists/{year}");
        Assert.Equal("ANNUAL_LIST_STATUS_ADOPTED", list.GetProperty("list").GetProperty("status").GetString());
        Assert.Contains("LMC/FMM.", list.GetProperty("list").GetProperty("adoptedBy").GetString());

        // Now the Special Fund: the fund asks the real projects service (gRPC, the caller's token)
        // and accepts the adopted project; a project not adopted is refused.
        var fundManager = As(await platform.TokenAsync("dev-cn-fund-manager"));
        var opens = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        var closes = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
        await fundManager.PostAsync("/api/v1/funding/calls", $$"""
            { "year": {{year}}, "opensAt": "{{opens}}", "closesAt": "{{closes}}",
              "envelopes": [ { "country": "COUNTRY_TH", "amount": { "currency": "USD", "amount": "500000.00" } } ] }
            """);
        var application = await As(thailand).PostAsync("/api/v1/funding/applications",
            $$"""{ "callYear": {{year}}, "projectId": "{{projectId}}", "requested": { "currency": "USD", "amount": "300000.00" }, "idempotencyKey": "e2e-{{projectId}}" }""");
        Assert.Equal("APPLICATION_STATUS_SUBMITTED", application.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal("PRIORITY_AREA_WATER_RESOURCES", application.GetProperty("application").GetProperty("priorityArea").GetString());

        var other = await As(thailand).PostAsync("/api/v1/projects", """
            {
              "leadCountry": "COUNTRY_TH", "partnerCountries": [], "priorityArea": "PRIORITY_AREA_WATER_RESOURCES",
              "title": "Not yet adopted", "budget": { "currency": "USD", "amount": "100000.00" },
              "plannedStartDate": "2027-01-01", "plannedEndDate": "2027-12-31", "paragraphs": [47], "sectors": [ { "dacCode": "14015", "percentage": "100" } ]
            }
            """);
        var (refusedStatus, refusal) = await As(thailand).SendAsync("/api/v1/funding/applications",
            $$"""{ "callYear": {{year}}, "projectId": "{{other.GetProperty("project").GetProperty("projectId").GetString()}}", "requested": { "currency": "USD", "amount": "50000.00" }, "idempotencyKey": "e2e-not-adopted" }""");
        Assert.Equal(HttpStatusCode.Conflict, refusedStatus);
        Assert.Contains("adopted", refusal.GetProperty("detail").GetString());
    }

    private async Task<string> HeldMeetingAsync(string admin, Dictionary<string, string> secretariats, string body)
    {
        var ordinal = Random.Shared.Next(500, 100_000);
        var meeting = (await As(admin).PostAsync("/api/v1/meetings",
            $$"""{ "bodyId": "{{body}}", "ordinal": {{ordinal}}, "startDate": "2026-12-01", "endDate": "2026-12-02", "hostCountry": "COUNTRY_LA", "venue": "Vientiane" }"""))
            .GetProperty("meeting").GetProperty("id").GetString()!;
        foreach (var (member, token) in secretariats)
        {
            await As(token).PostAsync($"/api/v1/meetings/{meeting}/delegations",
                $$"""{ "country": "COUNTRY_{{member.ToUpperInvariant()}}", "head": "Head of delegation" }""");
        }

        await As(admin).PostAsync($"/api/v1/meetings/{meeting}:convene", "{}");
        return meeting;
    }

    private async Task AllSupportAsync(Dictionary<string, string> secretariats, string? itemId, string? except = null, string? only = null)
    {
        foreach (var (member, token) in secretariats.Where(s => s.Key != except && (only is null || s.Key == only)))
        {
            await As(token).PostAsync($"/api/v1/agenda-items/{itemId}/positions",
                $$"""{ "country": "COUNTRY_{{member.ToUpperInvariant()}}", "kind": "POSITION_KIND_SUPPORT" }""");
        }
    }

    private GatewayRest As(string token) => new(platform.Gateway.Http, token);
}
