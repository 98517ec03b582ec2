using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Funding.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Funding.Data;
using Lmc.Testing;
using Lmc.Testing.Fakes;
using static Lmc.Testing.TestTokens;

namespace Lmc.Funding.Tests;

/// <summary>The funding service in-process on its own database and vhost, asking a fake projects service.</summary>
public sealed class FundingServiceFactory : ServiceFactory<Program, FundingDbContext>
{
    public FakeProjects Projects { get; } = new();

    /// <summary>Two fund managers: one appraises, the other approves.</summary>
    public static Metadata Appraiser { get; } = Bearer(TestTokens.Mint("CN", [LmcRoles.FundManager], subject: "fund-manager-appraiser"));

    public static Metadata Approver { get; } = Bearer(TestTokens.Mint("CN", [LmcRoles.FundManager], subject: "fund-manager-approver"));

    public static Metadata Secretariat(string country) => Bearer(TestTokens.For(country, LmcRoles.Secretariat));

    protected override string DatabaseName => "funding";

    protected override IReadOnlyDictionary<string, IFakeService> Fakes => new Dictionary<string, IFakeService> { ["projects"] = Projects };

    public FundingService.FundingServiceClient Client() => new(Channel());

    public static Money Usd(decimal amount) => new() { Currency = "USD", Amount = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) };

    public static decimal Amount(Money money) => decimal.Parse(money.Amount, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Incoming funds to the fund, so that approvals have money to commit.</summary>
    public async Task FundAsync(decimal usd) =>
        await Client().RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.IncomingFunds, Amount = Usd(usd), ValueDate = "2026-01-15", IdempotencyKey = Guid.NewGuid().ToString(),
        }, Approver);

    /// <summary>A call for the year open now, with the same envelope for every member.</summary>
    public async Task OpenCallAsync(int year, decimal envelope)
    {
        var request = new OpenCallRequest
        {
            Year = year,
            OpensAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            ClosesAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
        };
        request.Envelopes.AddRange(new[] { Country.Kh, Country.Cn, Country.La, Country.Mm, Country.Th, Country.Vn }.Select(c => new Envelope { Country = c, Amount = Usd(envelope) }));
        await Client().OpenCallAsync(request, Approver);
    }

    /// <summary>An adopted project of the country, applied for, appraised and approved: the grant.</summary>
    public async Task<Grant> GrantAsync(int year, string country, decimal amount, params decimal[] tranches)
    {
        var project = Projects.Add(country, ProjectStatus.Adopted);
        var client = Client();
        var application = (await client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            CallYear = year, ProjectId = project.ToString(), Requested = Usd(amount), IdempotencyKey = Guid.NewGuid().ToString(),
        }, Secretariat(country))).Application;
        await client.AppraiseApplicationAsync(new AppraiseApplicationRequest
        {
            ApplicationId = application.Id, Relevance = 4, Feasibility = 4, RegionalBenefit = 3, Sustainability = 3,
        }, Appraiser);
        var approve = new ApproveApplicationRequest { ApplicationId = application.Id, IdempotencyKey = Guid.NewGuid().ToString() };
        approve.Tranches.AddRange((tranches.Length == 0 ? [amount] : tranches).Select(Usd));
        return (await client.ApproveApplicationAsync(approve, Approver)).Grant;
    }
}

[CollectionDefinition(Name)]
public sealed class FundingServiceGroup : ICollectionFixture<FundingServiceFactory>
{
    public const string Name = "funding service";
}
