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

public sealed class ThroughTheGatewayTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly string ThaiSecretariat = TestTokens.For("TH", LmcRoles.Secretariat);

    [Fact]
    public async Task A_project_proposed_over_rest_is_read_over_grpc_and_its_event_reaches_a_subscriber()
    {
        await using var subscriber = await EventSubscriber.SubscribeAsync(platform.Infrastructure.RabbitMqUri, "lmc.projects.project-proposed.v1");
        using var rest = new HttpClient { BaseAddress = platform.Gateway.Http };
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ThaiSecretariat);

        var response = await rest.PostAsync("/api/v1/projects", new StringContent("""
            {
              "leadCountry": "COUNTRY_TH",
              "partnerCountries": ["COUNTRY_LA"],
              "priorityArea": "PRIORITY_AREA_WATER_RESOURCES",
              "title": "Transboundary flood early warning, Nakhon Phanom - Thakhek",
              "budget": { "currency": "USD", "amount": "320000.00" },
              "plannedStartDate": "2026-03-01",
              "plannedEndDate": "2027-02-28"
            }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var projectId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("projectId").GetString()!;

        using var channel = GrpcChannel.ForAddress(platform.Gateway.Grpc);
        var grpc = new ProjectsService.ProjectsServiceClient(channel);
        var read = await grpc.GetProjectAsync(new GetProjectRequest { ProjectId = projectId },
            new Metadata { { "Authorization", "Bearer " + ThaiSecretariat } });
        Assert.Equal("Transboundary flood early warning, Nakhon Phanom - Thakhek", read.Project.Title);
        Assert.Equal(ProjectStatus.Proposed, read.Project.Status);

        var envelope = await subscriber.ReceiveAsync(
            m => m.GetProperty("projectId").GetString() == projectId, TimeSpan.FromSeconds(30));
        Assert.Equal("TH", envelope.GetProperty("message").GetProperty("leadCountry").GetString());
        // MassTransit writes decimals as JSON strings so that no subscriber loses precision.
        Assert.Equal(320000.00m, decimal.Parse(envelope.GetProperty("message").GetProperty("budgetAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(envelope.TryGetProperty("messageId", out _));
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
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ThaiSecretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync("/internal/anything")).StatusCode);
    }

    [Fact]
    public async Task Grpc_through_the_gateway_carries_the_services_status_codes()
    {
        using var channel = GrpcChannel.ForAddress(platform.Gateway.Grpc);
        var grpc = new ProjectsService.ProjectsServiceClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.GetProjectAsync(
            new GetProjectRequest { ProjectId = Guid.NewGuid().ToString() },
            new Metadata { { "Authorization", "Bearer " + ThaiSecretariat } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
