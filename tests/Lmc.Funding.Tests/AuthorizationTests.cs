using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Funding.V1;
using Lmc.Testing;
using static Lmc.Funding.Tests.FundingServiceFactory;
using static Lmc.Testing.TestTokens;

namespace Lmc.Funding.Tests;

/// <summary>
/// Who may call what: reads need the funding read scope; money moves only by fund managers with
/// the write scope; applications and amendment requests only by a member's secretariat.
/// </summary>
[Collection(FundingServiceGroup.Name)]
public sealed class AuthorizationTests(FundingServiceFactory service)
{
    private readonly FundingService.FundingServiceClient _client = service.Client();

    public static TheoryData<string, string, StatusCode> Cells => new()
    {
        { "GetFundPosition", "anonymous", StatusCode.Unauthenticated },
        { "GetFundPosition", "other-service", StatusCode.PermissionDenied },
        { "GetFundPosition", "secretariat", StatusCode.OK },
        { "RecordContribution", "secretariat", StatusCode.PermissionDenied },
        { "RecordContribution", "admin", StatusCode.PermissionDenied },
        { "RecordContribution", "read-only-fund-manager", StatusCode.PermissionDenied },
        { "RecordContribution", "fund-manager", StatusCode.OK },
        { "OpenCall", "secretariat", StatusCode.PermissionDenied },
        { "SubmitApplication", "fund-manager", StatusCode.PermissionDenied },
        { "SubmitApplication", "admin", StatusCode.PermissionDenied },
        { "DisburseTranche", "secretariat", StatusCode.PermissionDenied },
        { "DisburseTranche", "admin", StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_call_is_allowed_only_to_its_callers(string rpc, string caller, StatusCode expected)
    {
        var headers = caller switch
        {
            "anonymous" => [],
            "other-service" => Bearer(TestTokens.Mint("TH", [LmcRoles.FundManager], scopes: [LmcScopes.Write("projects")])),
            "secretariat" => Secretariat("TH"),
            "admin" => Bearer(TestTokens.For(null, LmcRoles.Admin)),
            "read-only-fund-manager" => Bearer(TestTokens.Mint("CN", [LmcRoles.FundManager], scopes: [LmcScopes.Read("funding")])),
            _ => Approver,
        };
        Func<Task> call = rpc switch
        {
            "GetFundPosition" => () => _client.GetFundPositionAsync(new GetFundPositionRequest(), headers).ResponseAsync,
            "RecordContribution" => () => _client.RecordContributionAsync(new RecordContributionRequest
            {
                Organisation = "XM-LMC-SF", Kind = ContributionKind.Pledge, Amount = Usd(1), ValueDate = "2026-01-01", IdempotencyKey = Guid.NewGuid().ToString(),
            }, headers).ResponseAsync,
            "OpenCall" => () => _client.OpenCallAsync(new OpenCallRequest { Year = 2099 }, headers).ResponseAsync,
            "SubmitApplication" => () => _client.SubmitApplicationAsync(new SubmitApplicationRequest
            {
                CallYear = 2099, ProjectId = Guid.NewGuid().ToString(), Requested = Usd(1), IdempotencyKey = "x",
            }, headers).ResponseAsync,
            _ => () => _client.DisburseTrancheAsync(new DisburseTrancheRequest { GrantId = Guid.NewGuid().ToString(), Number = 1, IdempotencyKey = "x" }, headers).ResponseAsync,
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
}
