using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;

namespace Lmc.EndToEnd.Tests;

[Collection(PlatformGroup.Name)]
public sealed class ThroughTheGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_project_proposed_over_rest_is_read_over_grpc_and_its_event_reaches_a_subscriber()
    {
        var thaiSecretariat = await platform.TokenAsync("dev-th-secretariat");
        await using var subscriber = await EventSubscriber.SubscribeAsync(platform.Infrastructure.RabbitMqUri, "lmc.projects.project-proposed.v1");
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", thaiSecretariat);

        var response = await rest.PostAsync("/api/v1/projects", new StringContent("""
            {
              "leadCountry": "COUNTRY_TH",
              "partnerCountries": ["COUNTRY_LA"],
              "priorityArea": "PRIORITY_AREA_WATER_RESOURCES",
              "title": "Transboundary flood early warning, Nakhon Phanom - Thakhek",
              "budget": { "currency": "USD", "amount": "320000.00" },
              "plannedStartDate": "2026-03-01",
              "plannedEndDate": "2027-02-28",
              "paragraphs": [47],
              "sectors": [ { "dacCode": "14015", "percentage": "100" } ]
            }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var projectId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("projectId").GetString()!;

        using var channel = GrpcChannel.ForAddress(platform.Gateway.Grpc);
        var grpc = new ProjectsService.ProjectsServiceClient(channel);
        var read = await grpc.GetProjectAsync(new GetProjectRequest { ProjectId = projectId },
            new Metadata { { "Authorization", "Bearer " + thaiSecretariat } });
        Assert.Equal("Transboundary flood early warning, Nakhon Phanom - Thakhek", read.Project.Title);
        Assert.Equal(ProjectStatus.Proposed, read.Project.Status);

        var received = await subscriber.ReceiveAsync(
            m => m.GetProperty("projectId").GetString() == projectId, TimeSpan.FromSeconds(30));
        Assert.Equal("TH", received.Event.GetProperty("leadCountry").GetString());
        // MassTransit writes decimals as JSON strings so that no subscriber loses precision.
        Assert.Equal(320000.00m, decimal.Parse(received.Event.GetProperty("budgetAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // Plain JSON, with the id a subscriber de-duplicates on and the event's type beside it.
        Assert.Equal("application/json", received.ContentType);
        Assert.True(Guid.TryParse(received.MessageId, out _), $"message id '{received.MessageId}'");
        Assert.Contains("ProjectProposed", received.MessageType);
    }

    [Fact]
    public async Task A_subscription_made_through_the_gateway_receives_a_signed_CloudEvent_when_a_project_is_proposed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var callback = receiver.NewCallback(out var path);
        using var integrator = new HttpClient { BaseAddress = platform.Gateway.Http };
        integrator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("dev-th-integrator"));
        var subscribed = await integrator.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            description = "Thai flood desk",
            eventTypes = new List<string> { "lmc.projects.project-proposed.v1" },
            callbackUrl = callback,
        });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        var secret = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        using var secretariat = new HttpClient { BaseAddress = platform.Gateway.Http };
        secretariat.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("dev-th-secretariat"));
        var proposed = await secretariat.PostAsync("/api/v1/projects", new StringContent("""
            {
              "leadCountry": "COUNTRY_TH",
              "partnerCountries": ["COUNTRY_LA"],
              "priorityArea": "PRIORITY_AREA_WATER_RESOURCES",
              "title": "Mekong flood forecasting exchange, Chiang Saen - Luang Prabang",
              "budget": { "currency": "USD", "amount": "150000.00" },
              "plannedStartDate": "2026-06-01",
              "plannedEndDate": "2027-05-31",
              "paragraphs": [47],
              "sectors": [ { "dacCode": "14015", "percentage": "100" } ]
            }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var projectId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("projectId").GetString()!;

        var delivered = await receiver.NextDeliveredAsync(path, TimeSpan.FromSeconds(30));
        delivered.Verify(secret);
        Assert.Equal("lmc.projects.project-proposed.v1", delivered.CloudEvent.GetProperty("type").GetString());
        Assert.Equal(projectId, delivered.CloudEvent.GetProperty("subject").GetString());
        Assert.Equal(projectId, delivered.CloudEvent.GetProperty("data").GetProperty("projectId").GetString());
    }

    [Fact]
    public async Task Each_service_s_event_catalogue_is_served_beside_its_openapi_document_and_linked_from_it()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Gateway.Http };

        var catalogue = await anonymous.GetFromJsonAsync<JsonElement>("/asyncapi/projects.json");
        Assert.Equal("3.0.0", catalogue.GetProperty("asyncapi").GetString());
        var channel = catalogue.GetProperty("channels").GetProperty("lmc.projects.project-proposed.v1");
        Assert.Equal("fanout", channel.GetProperty("bindings").GetProperty("amqp").GetProperty("exchange").GetProperty("type").GetString());
        // The same document as the one committed beside the records (the architecture tests hold it to them).
        var committed = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(ServiceProcess.RepoRoot, "services", "projects", "Contracts", "asyncapi.json")));
        Assert.True(JsonElement.DeepEquals(committed.RootElement, catalogue), "the served catalogue is not the committed one");

        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/projects.json");
        Assert.Contains("(/asyncapi/projects.json)", openApi.GetProperty("info").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_gateway_refuses_a_request_without_a_token_before_it_reaches_the_service()
    {
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        var response = await rest.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gateway_refuses_a_token_signed_with_another_key()
    {
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        var forged = TestTokens.Mint("TH", [LmcRoles.Secretariat], signingKey: Convert.ToBase64String(new byte[32]));
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Fact]
    public async Task A_path_no_route_names_is_not_served_even_with_a_token()
    {
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/internal/anything")).StatusCode);
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("dev-th-secretariat"));
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync("/internal/anything")).StatusCode);
    }

    [Fact]
    public async Task Grpc_through_the_gateway_carries_the_services_status_codes()
    {
        using var channel = GrpcChannel.ForAddress(platform.Gateway.Grpc);
        var grpc = new ProjectsService.ProjectsServiceClient(channel);
        var token = await platform.TokenAsync("dev-th-secretariat");
        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.GetProjectAsync(
            new GetProjectRequest { ProjectId = Guid.NewGuid().ToString() },
            new Metadata { { "Authorization", "Bearer " + token } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_cambodian_secretariat_proposes_for_cambodia_and_is_refused_for_thailand()
    {
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("dev-kh-secretariat"));

        static StringContent Proposal(string lead) => new($$"""
            {
              "leadCountry": "COUNTRY_{{lead}}",
              "partnerCountries": ["COUNTRY_VN"],
              "priorityArea": "PRIORITY_AREA_AGRICULTURE_AND_POVERTY_REDUCTION",
              "title": "Tonle Sap floating-village livelihoods",
              "budget": { "currency": "USD", "amount": "150000.00" },
              "plannedStartDate": "2026-05-01",
              "plannedEndDate": "2027-04-30",
              "paragraphs": [57],
              "sectors": [ { "dacCode": "43040", "percentage": "100" } ]
            }
            """, Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.OK, (await rest.PostAsync("/api/v1/projects", Proposal("KH"))).StatusCode);
        var refused = await rest.PostAsync("/api/v1/projects", Proposal("TH"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_integrator_reads_but_cannot_write_with_its_read_only_token()
    {
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("dev-la-integrator"));
        Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rest.PostAsync("/api/v1/projects", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    public static TheoryData<string> ForgedKinds() => ["expired", "wrong audience", "wrong issuer"];

    [Theory]
    [MemberData(nameof(ForgedKinds))]
    public async Task A_token_signed_with_the_real_key_but_expired_or_misaddressed_is_refused_at_the_gateway_and_at_the_service(string kind)
    {
        var key = await platform.IdentitySigningKeyAsync();
        var token = kind switch
        {
            "expired" => TestTokens.Mint("TH", [LmcRoles.Secretariat], issuer: platform.Issuer, expires: DateTime.UtcNow.AddMinutes(-5), credentials: key),
            "wrong audience" => TestTokens.Mint("TH", [LmcRoles.Secretariat], issuer: platform.Issuer, audience: "another-api", credentials: key),
            _ => TestTokens.Mint("TH", [LmcRoles.Secretariat], issuer: "http://impostor.example/", credentials: key),
        };
        var control = TestTokens.Mint("TH", [LmcRoles.Secretariat], issuer: platform.Issuer, credentials: key);

        foreach (var entry in new[] { platform.Gateway.Http, platform.Projects.Http })
        {
            using var rest = new HttpClient { BaseAddress = entry };
            rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/api/v1/projects")).StatusCode);

            // The same key with everything right is accepted: the refusal is the claim, not the key.
            rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", control);
            Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("/api/v1/projects")).StatusCode);
        }
    }
}
