using Grpc.Core;
using Lmc.Contracts.Funding.V1;
using Lmc.Contracts.IntegrationEvents;
using Lmc.Projects.Contracts;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Lmc.Funding.Tests.FundingServiceFactory;

namespace Lmc.Funding.Tests;

/// <summary>From contribution to closure: commitment, tranche released by the accepted report, disbursement, release.</summary>
[Collection(FundingServiceGroup.Name)]
public sealed class GrantLifecycleTests(FundingServiceFactory service)
{
    private readonly FundingService.FundingServiceClient _client = service.Client();

    [Fact]
    public async Task A_tranche_waits_for_the_accepted_progress_report_and_closure_releases_the_rest()
    {
        await service.OpenCallAsync(2041, 500_000);
        await service.FundAsync(1_000_000);
        var grant = await service.GrantAsync(2041, "VN", 300_000, 100_000, 200_000);
        Assert.Equal(TrancheStatus.AwaitingReport, grant.Tranches[0].Status);

        Assert.Equal("tranche.awaiting-report", await Refusals.RuleOf(() => _client.DisburseTrancheAsync(
            new DisburseTrancheRequest { GrantId = grant.Id, Number = 1, IdempotencyKey = "too-early" }, Approver).ResponseAsync));

        await AcceptReportAsync(grant.ProjectId);
        var released = await Eventually.ReturnsAsync(async () =>
        {
            var g = (await _client.GetGrantAsync(new GetGrantRequest { GrantId = grant.Id }, Approver)).Grant;
            return g.Tranches[0].Status == TrancheStatus.Released ? g : null;
        }, because: "the accepted report to release tranche 1");
        Assert.Equal(TrancheStatus.AwaitingReport, released.Tranches[1].Status);

        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.DisburseTrancheAsync(
            new DisburseTrancheRequest { GrantId = grant.Id, Number = 1, IdempotencyKey = "before-commitment", ValueDate = "2020-01-01" }, Approver).ResponseAsync));
        var disbursed = await _client.DisburseTrancheAsync(new DisburseTrancheRequest { GrantId = grant.Id, Number = 1, IdempotencyKey = "t1" }, Approver);
        Assert.Equal("3", disbursed.Entry.IatiTransactionType);
        Assert.Equal(100_000m, Amount(disbursed.Grant.Disbursed));
        Assert.Equal("tranche.not-released", await Refusals.RuleOf(() => _client.DisburseTrancheAsync(
            new DisburseTrancheRequest { GrantId = grant.Id, Number = 1, IdempotencyKey = "t1-again" }, Approver).ResponseAsync));

        var closed = (await _client.CloseGrantAsync(new CloseGrantRequest { GrantId = grant.Id, FinalReport = "Completed early.", IdempotencyKey = "close" }, Approver)).Grant;
        Assert.Equal(GrantStatus.Closed, closed.Status);
        Assert.Equal(100_000m, Amount(closed.Committed));
        var ledger = (await _client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { GrantId = grant.Id }, Approver)).Entries;
        Assert.Equal([("2", 300_000m), ("3", 100_000m), ("2", -200_000m)], ledger.Select(e => (e.IatiTransactionType, Amount(e.AmountUsd))));
        var events = await service.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.AggregateId == Guid.Parse(grant.Id)).OrderBy(m => m.Sequence).Select(m => m.EventName).ToListAsync());
        Assert.Equal(["lmc.funding.commitment-made.v1", "lmc.funding.disbursement-made.v1", "lmc.funding.commitment-made.v1"], events);
    }

    [Fact]
    public async Task The_appraiser_does_not_approve_and_a_failed_appraisal_is_not_approved()
    {
        await service.OpenCallAsync(2042, 500_000);
        await service.FundAsync(500_000);
        var project = service.Projects.Add("MM", ProjectStatus.Adopted);
        var application = (await _client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            CallYear = 2042, ProjectId = project.ToString(), Requested = Usd(80_000), IdempotencyKey = Guid.NewGuid().ToString(),
        }, Secretariat("MM"))).Application;
        await _client.AppraiseApplicationAsync(new AppraiseApplicationRequest { ApplicationId = application.Id, Relevance = 5, Feasibility = 4, RegionalBenefit = 3, Sustainability = 3 }, Appraiser);

        var approve = new ApproveApplicationRequest { ApplicationId = application.Id, IdempotencyKey = "four-eyes", Tranches = { Usd(80_000) } };
        Assert.Equal("application.four-eyes", await Refusals.RuleOf(() => _client.ApproveApplicationAsync(approve, Appraiser).ResponseAsync));

        await _client.AppraiseApplicationAsync(new AppraiseApplicationRequest { ApplicationId = application.Id, Relevance = 2, Feasibility = 3, RegionalBenefit = 1, Sustainability = 3 }, Appraiser);
        Assert.Equal("application.appraisal-failed", await Refusals.RuleOf(() => _client.ApproveApplicationAsync(approve, Approver).ResponseAsync));
        Assert.False(await service.InDatabaseAsync(db => db.Grants.AnyAsync(g => g.ProjectId == project)));
    }

    [Fact]
    public async Task Approvals_stay_within_the_country_envelope_and_the_funds_received()
    {
        await service.OpenCallAsync(2043, 150_000);
        await service.FundAsync(400_000);
        await service.GrantAsync(2043, "TH", 100_000);

        var error = await Assert.ThrowsAsync<RpcException>(() => service.GrantAsync(2043, "TH", 60_000));
        Assert.Contains("envelope", error.Status.Detail);
    }

    [Fact]
    public async Task Contributions_in_another_currency_are_converted_at_the_value_dates_rate()
    {
        Assert.Equal("exchange-rate.missing", await Refusals.RuleOf(() => _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.Pledge, Amount = new() { Currency = "CNY", Amount = "1000000.00" }, ValueDate = "2025-03-03", IdempotencyKey = "cny-early",
        }, Approver).ResponseAsync));
        await _client.RecordExchangeRateAsync(new RecordExchangeRateRequest { Currency = "CNY", ValueDate = "2025-03-03", UsdPerUnit = "0.1378" }, Approver);

        var entry = (await _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.Pledge, Amount = new() { Currency = "CNY", Amount = "1000000.00" }, ValueDate = "2025-03-03", IdempotencyKey = "cny",
        }, Approver)).Entry;

        Assert.Equal("13", entry.IatiTransactionType);
        Assert.Equal(137_800m, Amount(entry.AmountUsd));
        Assert.Equal("CNY", entry.Amount.Currency);
    }

    [Fact]
    public async Task A_retried_money_command_with_the_same_key_has_one_effect_and_another_request_under_it_is_refused()
    {
        var request = new RecordContributionRequest
        {
            Organisation = "46004", Kind = ContributionKind.IncomingFunds, Amount = Usd(12_345.67m), ValueDate = "2026-02-02", IdempotencyKey = "adb-2026-02",
        };
        var first = (await _client.RecordContributionAsync(request, Approver)).Entry;
        var again = (await _client.RecordContributionAsync(request, Approver)).Entry;
        request.Amount = Usd(99);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(StatusCode.AlreadyExists, await Refusals.StatusOf(() => _client.RecordContributionAsync(request, Approver).ResponseAsync));
        Assert.Equal(1, await service.InDatabaseAsync(db => db.Ledger.CountAsync(e => e.Organisation == "46004")));
    }

    [Fact]
    public async Task The_ledger_refuses_updates_and_deletes()
    {
        await service.FundAsync(1);
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE ledger_entries SET amount_usd = amount_usd + 1", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.MessageText);
        await using var delete = new NpgsqlCommand("DELETE FROM ledger_entries", connection);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
    }

    private async Task AcceptReportAsync(string projectId) =>
        await service.Services.GetRequiredService<IBus>().Publish(new ProgressReportAccepted(Guid.Parse(projectId), Guid.NewGuid(), "VN", "water-resources",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 40, "jwg", DateTimeOffset.UtcNow));
}
