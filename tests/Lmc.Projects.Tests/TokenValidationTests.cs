using System.Net;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;

namespace Lmc.Projects.Tests;

/// <summary>A service called directly (not through the gateway) still refuses every bad token.</summary>
[Collection(ProjectsServiceGroup.Name)]
public sealed class TokenValidationTests(ProjectsServiceFactory service)
{
    public static TheoryData<string> BadTokens() => ["expired", "tampered", "wrong audience", "wrong issuer", "foreign key", "garbage"];

    public static string Token(string kind) => kind switch
    {
        "expired" => TestTokens.Mint("TH", [LmcRoles.Secretariat], expires: DateTime.UtcNow.AddMinutes(-5)),
        "tampered" => TestTokens.Tampered(TestTokens.For("TH", LmcRoles.Secretariat)),
        "wrong audience" => TestTokens.Mint("TH", [LmcRoles.Secretariat], audience: "some-other-api"),
        "wrong issuer" => TestTokens.Mint("TH", [LmcRoles.Secretariat], issuer: "https://issuer.example"),
        "foreign key" => TestTokens.Mint("TH", [LmcRoles.Secretariat], signingKey: Convert.ToBase64String(new byte[32])),
        _ => "not-a-jwt",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_over_rest(string kind)
    {
        var response = await service.RestClient(Token(kind)).GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_over_grpc(string kind)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => service.GrpcClient()
            .ListProjectsAsync(new ListProjectsRequest(), TestTokens.Bearer(Token(kind))).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task No_token_appears_in_the_logs()
    {
        var good = TestTokens.For("TH", LmcRoles.Secretariat);
        var bad = Token("tampered");
        await service.RestClient(good).GetAsync("/api/v1/projects");
        await service.RestClient(bad).GetAsync("/api/v1/projects");
        await service.RestClient(good).PostAsync("/api/v1/projects", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var logs = service.Logs.All;
        Assert.NotEmpty(service.Logs.Lines);
        foreach (var token in new[] { good, bad })
        {
            Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[2], logs, StringComparison.Ordinal); // not even the signature
        }
    }
}
