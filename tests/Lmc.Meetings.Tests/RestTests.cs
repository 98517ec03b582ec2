using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.Testing;

namespace Lmc.Meetings.Tests;

/// <summary>The same API over REST/JSON (transcoded): cadence, calendar, problem documents.</summary>
[Collection(MeetingsServiceGroup.Name)]
public sealed class RestTests(MeetingsServiceFactory service)
{
    private readonly HttpClient _http = service.RestClient(TestTokens.For("LA", LmcRoles.Secretariat));

    [Fact]
    public async Task The_cadence_answers_over_rest_with_the_date_asked_for()
    {
        var cadence = await _http.GetFromJsonAsync<JsonElement>("/api/v1/cadence?asOf=2030-01-01");

        Assert.Equal("2030-01-01", cadence.GetProperty("asOf").GetString());
        Assert.Equal(JsonValueKind.Array, cadence.GetProperty("breaches").ValueKind);
    }

    [Fact]
    public async Task A_malformed_date_is_a_problem_document_naming_the_field()
    {
        var response = await _http.GetAsync("/api/v1/cadence?asOf=01/01/2030");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("as_of", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_calendar_feed_is_text_calendar_with_the_meetings()
    {
        var meeting = await service.HeldMeetingAsync("leaders", 301, start: "2032-03-23", delegations: false);

        var response = await _http.GetAsync("/api/v1/meetings/calendar.ics?bodyId=leaders");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"UID:{meeting.Id}@lmc-platform", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20320323", ics);
    }
}
