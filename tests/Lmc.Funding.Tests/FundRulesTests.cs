using Grpc.Core;
using Lmc.Contracts.Funding.V1;
using Lmc.Projects.Contracts;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Funding.Tests.FundingServiceFactory;

namespace Lmc.Funding.Tests;

/// <summary>Amendments, the funds available, value dates, rates and reports that come too early.</summary>
[Collection(FundingServiceGroup.Name)]
public sealed class FundRulesTests(FundingServiceFactory service)
{
    private readonly FundingService.FundingServiceClient _client = service.Client();

    [Fact]
    public async Task Concurrent_submissions_of_one_application_answer_with_one_application()
    {
        await service.OpenCallAsync(2049, 200_000);
        var thai = Secretariat("TH");

        // The same request sent eight times at once (a client retrying): one application, the same answer.
        var project = service.Projects.Add("TH", ProjectStatus.Adopted);
        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            CallYear = 2049, ProjectId = project.ToString(), Requested = Usd(100_000), IdempotencyKey = "retried",
        }, thai).ResponseAsync));
        Assert.Single(same.Select(r => r.Application.Id).Distinct());

        // Eight different requests for another project at once: one application, the others told it exists.
        var other = service.Projects.Add("TH", ProjectStatus.Adopted);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                return (await _client.SubmitApplicationAsync(new SubmitApplicationRequest
                {
                    CallYear = 2049, ProjectId = other.ToString(), Requested = Usd(50_000), IdempotencyKey = $"distinct-{i}",
                }, thai)).Application.Id;
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.AlreadyExists)
            {
                return refused.Status.Detail;
            }
        }));
        Assert.Single(outcomes, o => Guid.TryParse(o, out _));
        Assert.All(outcomes.Where(o => !Guid.TryParse(o, out _)), detail => Assert.Contains("has an application under the 2049 call already", detail));
    }

    [Fact]
    public async Task An_amendment_is_approved_separately_and_an_increase_must_fit_the_envelope()
    {
        await service.OpenCallAsync(2046, 200_000);
        await service.FundAsync(500_000);
        var grant = await service.GrantAsync(2046, "LA", 150_000, 100_000, 50_000);
        var lao = Secretariat("LA");

        Assert.Equal("amendment.no-change", await Refusals.RuleOf(() => _client.RequestAmendmentAsync(
            new RequestAmendmentRequest { GrantId = grant.Id, NewCommitment = Usd(150_000), Reason = "Same" }, lao).ResponseAsync));
        await _client.RequestAmendmentAsync(new RequestAmendmentRequest { GrantId = grant.Id, NewCommitment = Usd(260_000), Reason = "Second site" }, lao);
        Assert.Equal("call.envelope", await Refusals.RuleOf(() => _client.ApproveAmendmentAsync(
            new ApproveAmendmentRequest { GrantId = grant.Id, Number = 1, IdempotencyKey = "too-much" }, Approver).ResponseAsync));
        Assert.Equal("amendment.pending", await Refusals.RuleOf(() => _client.CloseGrantAsync(
            new CloseGrantRequest { GrantId = grant.Id, FinalReport = "Done", IdempotencyKey = "close-early" }, Approver).ResponseAsync));

        // A cut instead: requested while none is pending, it shrinks the tranches not yet released.
        var other = await service.GrantAsync(2046, "MM", 120_000, 60_000, 60_000);
        await _client.RequestAmendmentAsync(new RequestAmendmentRequest { GrantId = other.Id, NewCommitment = Usd(90_000), Reason = "Smaller scope" }, Secretariat("MM"));
        var cut = (await _client.ApproveAmendmentAsync(new ApproveAmendmentRequest { GrantId = other.Id, Number = 1, IdempotencyKey = "cut" }, Approver)).Grant;

        Assert.Equal(90_000m, Amount(cut.Committed));
        Assert.Equal([60_000m, 30_000m], cut.Tranches.Select(t => Amount(t.Amount)));
        var ledger = (await _client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { GrantId = other.Id }, Approver)).Entries;
        Assert.Equal([120_000m, -30_000m], ledger.Select(e => Amount(e.AmountUsd)));
    }

    [Fact]
    public async Task A_commitment_never_exceeds_the_funds_received_and_not_yet_committed()
    {
        await service.OpenCallAsync(2047, 100_000_000);
        var available = Amount((await _client.GetFundPositionAsync(new GetFundPositionRequest(), Approver)).Total.Available);

        var error = await Assert.ThrowsAsync<RpcException>(() => service.GrantAsync(2047, "KH", available + 1_000));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("received and not committed", error.Status.Detail);
    }

    [Fact]
    public async Task Incoming_funds_and_disbursements_are_not_dated_in_the_future_and_rates_are_bounded()
    {
        // "Today" is Beijing's and Bangkok's today: already tomorrow in UTC for part of the day.
        var todayInTheRegion = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var tomorrow = todayInTheRegion.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["value_date"], await Refusals.FieldsOf(() => _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.IncomingFunds, Amount = Usd(1_000), ValueDate = tomorrow, IdempotencyKey = "future",
        }, Approver).ResponseAsync));
        await _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.IncomingFunds, Amount = Usd(1_000),
            ValueDate = todayInTheRegion.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), IdempotencyKey = "today-in-the-region",
        }, Approver);
        // Nor before the fund was set up (March 2016): a year-1 date would lift every later floor.
        Assert.Equal(["value_date"], await Refusals.FieldsOf(() => _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.IncomingFunds, Amount = Usd(1_000), ValueDate = "0001-01-01", IdempotencyKey = "year-one",
        }, Approver).ResponseAsync));
        // A pledge may look ahead.
        await _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.Pledge, Amount = Usd(1_000), ValueDate = tomorrow, IdempotencyKey = "future-pledge",
        }, Approver);
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.RecordExchangeRateAsync(
            new RecordExchangeRateRequest { Currency = "THB", ValueDate = "2025-01-02", UsdPerUnit = "0.000000001" }, Approver).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.RecordExchangeRateAsync(
            new RecordExchangeRateRequest { Currency = "thb", ValueDate = "2025-01-02", UsdPerUnit = "0.03" }, Approver).ResponseAsync));
        // Refused by the check, not by the database's column (which would name no field).
        Assert.Equal(["description"], await Refusals.FieldsOf(() => _client.RecordContributionAsync(new RecordContributionRequest
        {
            Organisation = "XM-LMC-SF", Kind = ContributionKind.Pledge, Amount = Usd(1), ValueDate = "2025-01-02", IdempotencyKey = "long", Description = new string('x', 1001),
        }, Approver).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.ListGrantsAsync(
            new ListGrantsRequest { Country = (Lmc.Contracts.Common.V1.Country)42 }, Approver).ResponseAsync));
    }

    [Fact]
    public async Task A_report_accepted_before_the_grant_existed_releases_none_of_its_tranches_even_when_its_news_arrives_late()
    {
        await service.OpenCallAsync(2048, 500_000);
        await service.FundAsync(200_000);
        var acceptedBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var grant = await service.GrantAsync(2048, "TH", 100_000, 50_000, 50_000);
        var bus = service.Services.GetRequiredService<IBus>();

        var early = Guid.NewGuid();
        var later = Guid.NewGuid();
        var messages = new[] { NewId.NextGuid(), NewId.NextGuid() };
        await bus.Publish(new ProgressReportAccepted(Guid.Parse(grant.ProjectId), early, "TH", "water-resources",
            new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 30, "jwg", acceptedBefore), c => c.MessageId = messages[0]);
        await bus.Publish(new ProgressReportAccepted(Guid.Parse(grant.ProjectId), later, "TH", "water-resources",
            new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), 60, "jwg", DateTimeOffset.UtcNow), c => c.MessageId = messages[1]);
        await Eventually.TrueAsync(() => service.InDatabaseAsync(db => db.InboxMessages.CountAsync(m => messages.Contains(m.MessageId)).ContinueWith(t => t.Result == 2)),
            because: "both reports' events to be consumed");

        // Had the early report counted, it would have released tranche 1 and the later one tranche 2.
        var released = (await _client.GetGrantAsync(new GetGrantRequest { GrantId = grant.Id }, Approver)).Grant;
        Assert.Equal(later.ToString(), released.Tranches[0].ReportId);
        Assert.Equal(TrancheStatus.AwaitingReport, released.Tranches[1].Status);
    }
}
