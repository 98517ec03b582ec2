using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.Testing;

namespace Lmc.Gateway.Tests;

public sealed class GatewayEdgeTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private static string Secretariat(string subject) => TestTokens.Mint("TH", [LmcRoles.Secretariat], subject: subject);

    public static TheoryData<string> BadTokens() => ["expired", "tampered", "wrong audience", "wrong issuer", "foreign key", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_at_the_gateway_and_never_forwarded(string kind)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Mint("TH", [LmcRoles.Secretariat], expires: DateTime.UtcNow.AddMinutes(-5)),
            "tampered" => TestTokens.Tampered(TestTokens.For("TH", LmcRoles.Secretariat)),
            "wrong audience" => TestTokens.Mint("TH", [LmcRoles.Secretariat], audience: "some-other-api"),
            "wrong issuer" => TestTokens.Mint("TH", [LmcRoles.Secretariat], issuer: "https://issuer.example"),
            "foreign key" => TestTokens.Mint("TH", [LmcRoles.Secretariat], signingKey: Convert.ToBase64String(new byte[32])),
            _ => "not-a-jwt",
        };
        var marker = "/api/v1/projects/bad-" + kind.Replace(' ', '-');

        var response = await gateway.Client(token).GetAsync(marker);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, gateway.Downstream.Count(marker));
    }

    [Fact]
    public async Task No_token_is_refused_and_an_unrouted_path_is_not_found_even_with_one()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Client(null).GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Client(null).GetAsync("/internal/secrets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Client(Secretariat("unrouted")).GetAsync("/internal/secrets")).StatusCode);
        Assert.Equal(0, gateway.Downstream.Count("/internal"));
    }

    [Fact]
    public async Task Each_route_applies_its_own_policy()
    {
        var integrator = TestTokens.Mint("LA", [LmcRoles.Integrator], subject: "integrator-la", scopes: LmcScopes.Services.Select(LmcScopes.Read));

        var read = await gateway.Client(integrator).GetAsync("/api/v1/projects?route=read");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var write = await gateway.Client(integrator).PostAsync("/api/v1/projects?route=write", Json("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        var admin = await gateway.Client(Secretariat("not-admin")).GetAsync("/api/v1/identity/clients");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(0, gateway.Downstream.Count("/api/v1/identity"));

        var asAdmin = await gateway.Client(TestTokens.For(null, LmcRoles.Admin)).GetAsync("/api/v1/identity/clients");
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_and_discovery_are_open_to_anonymous_callers()
    {
        var token = await gateway.Client(null).PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "integrator-x",
            ["client_secret"] = "s3cr3t-value-that-must-not-be-logged",
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client(null).GetAsync("/.well-known/openid-configuration")).StatusCode);
        Assert.DoesNotContain("s3cr3t-value-that-must-not-be-logged", gateway.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_never_reaches_the_service()
    {
        var body = new string('x', GatewayFactory.BodyLimit + 1);
        var response = await gateway.Client(Secretariat("big-body")).PostAsync("/api/v1/projects?oversized", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(gateway.Downstream.Received, r => r.Method == "POST" && r.Headers.ContentLength > GatewayFactory.BodyLimit);

        var small = await gateway.Client(Secretariat("small-body")).PostAsync("/api/v1/projects", Json("{}"));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_trace_context_and_a_correlation_id_that_is_forwarded()
    {
        var client = gateway.Client(Secretariat("correlation"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/correlated");
        request.Headers.Add("X-Correlation-Id", "fmm-2026-req-42");
        var response = await client.SendAsync(request);

        Assert.Equal("fmm-2026-req-42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", Assert.Single(response.Headers.GetValues("traceparent")));
        var forwarded = gateway.Downstream.Received.Single(r => r.Path == "/api/v1/projects/correlated");
        Assert.Equal("fmm-2026-req-42", forwarded.Headers["X-Correlation-Id"].ToString());
        Assert.False(string.IsNullOrEmpty(forwarded.Headers["traceparent"].ToString()));

        var refused = await gateway.Client(null).GetAsync("/api/v1/projects");
        Assert.True(refused.Headers.Contains("X-Correlation-Id"));
        Assert.True(refused.Headers.Contains("traceparent"));
    }

    [Fact]
    public async Task Cors_allows_the_configured_origin_only()
    {
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/projects");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return await gateway.Client(null).SendAsync(request);
        }

        var allowed = await Preflight("https://portal.lmc.example");
        Assert.Equal("https://portal.lmc.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        var other = await Preflight("https://evil.example");
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Health_reports_each_service_behind_the_gateway()
    {
        var health = await gateway.Client(null).GetFromJsonAsync<JsonElement>("/health");
        var services = health.GetProperty("checks").GetProperty("services");
        Assert.Equal("Healthy", services.GetProperty("status").GetString());
        Assert.Equal("Healthy", services.GetProperty("data").GetProperty("projects").GetString());
        Assert.Equal("Healthy", services.GetProperty("data").GetProperty("identity").GetString());
    }

    [Fact]
    public async Task No_token_appears_in_the_gateways_logs()
    {
        var token = Secretariat("log-check");
        await gateway.Client(token).GetAsync("/api/v1/projects/log-check");
        await gateway.Client(TestTokens.Tampered(token)).GetAsync("/api/v1/projects/log-check");
        Assert.NotEmpty(gateway.Logs.Lines);
        Assert.DoesNotContain(token.Split('.')[2], gateway.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(token, gateway.Logs.All, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class RateLimitTests(TightRateLimitGatewayFactory gateway) : IClassFixture<TightRateLimitGatewayFactory>
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_and_recovers()
    {
        var client = gateway.Client(TestTokens.Mint("KH", [LmcRoles.Secretariat], subject: "bursty-client"));
        var other = gateway.Client(TestTokens.Mint("VN", [LmcRoles.Secretariat], subject: "calm-client"));

        // The bucket holds three; a refill tick may land in the burst, so keep asking until refused.
        var allowed = 0;
        HttpResponseMessage refused;
        while ((refused = await client.GetAsync("/api/v1/projects/limited")).StatusCode == HttpStatusCode.OK)
        {
            allowed++;
            Assert.True(allowed <= 9, "the limit never applied");
        }

        Assert.InRange(allowed, 3, 9);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(retryAfter.TotalSeconds, 1, 2);
        Assert.Equal(allowed, gateway.Downstream.Count("/api/v1/projects/limited")); // the refused one never reached it

        // Another client is not affected by this one's burst.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/projects/other")).StatusCode);

        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects/limited")).StatusCode);
    }
}
