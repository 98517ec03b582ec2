using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.Testing;

namespace Lmc.Projects.Tests;

/// <summary>The same service over REST (JSON transcoding): JSON in, JSON or problem+json out.</summary>
[Collection(ProjectsServiceGroup.Name)]
public sealed class ProjectsRestTests(ProjectsServiceFactory service)
{
    private const string Proposal = """
        {
          "leadCountry": "COUNTRY_KH",
          "partnerCountries": ["COUNTRY_TH", "COUNTRY_VN"],
          "priorityArea": "PRIORITY_AREA_CONNECTIVITY",
          "title": "Cross-border single window at Poipet - Aranyaprathet",
          "description": "Joint customs clearance.",
          "budget": { "currency": "USD", "amount": "1250000.50" },
          "plannedStartDate": "2026-01-01",
          "plannedEndDate": "2027-06-30",
          "paragraphs": [23, 33],
          "sectors": [ { "dacCode": "33120", "percentage": "100" } ]
        }
        """;

    private readonly HttpClient _cambodia = service.RestClient(TestTokens.For("KH", LmcRoles.Secretariat));

    [Fact]
    public async Task A_project_proposed_over_rest_is_read_back_over_rest()
    {
        var created = await _cambodia.PostAsync("/api/v1/projects", Json(Proposal));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project");
        var id = project.GetProperty("projectId").GetString();

        var read = await _cambodia.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        Assert.Equal("COUNTRY_KH", read.GetProperty("project").GetProperty("leadCountry").GetString());
        Assert.Equal("1250000.50", read.GetProperty("project").GetProperty("budget").GetProperty("amount").GetString());
        Assert.Equal("PROJECT_STATUS_PROPOSED", read.GetProperty("project").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invalid_input_is_a_400_problem_with_the_field_errors()
    {
        var response = await _cambodia.PostAsync("/api/v1/projects", Json("""{ "leadCountry": "COUNTRY_KH", "title": "x" }"""));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("priority_area", out _));
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await _cambodia.PostAsync("/api/v1/projects", Json("{ not json"));
        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task No_token_is_a_401_problem()
    {
        var response = await service.RestClient(null).GetAsync("/api/v1/projects");
        await AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Acting_for_another_country_is_a_403_problem()
    {
        var response = await service.RestClient(TestTokens.For("TH", LmcRoles.Secretariat)).PostAsync("/api/v1/projects", Json(Proposal));
        var problem = await AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Contains("KH", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_project_is_a_404_problem()
    {
        var response = await _cambodia.GetAsync($"/api/v1/projects/{Guid.NewGuid()}");
        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_move_out_of_order_is_a_409_problem_naming_the_rule()
    {
        var created = await (await _cambodia.PostAsync("/api/v1/projects", Json(Proposal))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("project").GetProperty("projectId").GetString();

        var response = await _cambodia.PostAsync($"/api/v1/projects/{id}:complete", Json("{}"));
        var problem = await AssertProblem(response, HttpStatusCode.Conflict);
        Assert.Equal("project.invalid-transition", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Health_answers_without_a_token_and_readiness_checks_database_and_broker()
    {
        var anonymous = service.RestClient(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await anonymous.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("checks").TryGetProperty("database", out _));
        Assert.True(ready.GetProperty("checks").TryGetProperty("masstransit-bus", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_transcoded_routes()
    {
        var document = await service.RestClient(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/projects", out _));
        Assert.True(paths.TryGetProperty("/api/v1/projects/{projectId}", out _));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _));
        return problem;
    }
}
