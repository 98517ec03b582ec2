using Grpc.Core;
using Lmc.Contracts.Funding.V1;
using Lmc.Projects.Contracts;
using LedgerKind = Lmc.Funding.Domain.LedgerKind;
using Lmc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Funding.Tests.FundingServiceFactory;

namespace Lmc.Funding.Tests;

/// <summary>The ledger's invariants under concurrency and under a random sequence of operations.</summary>
[Collection(FundingServiceGroup.Name)]
public sealed class LedgerInvariantTests(FundingServiceFactory service)
{
    private static readonly string[] Members = ["KH", "CN", "LA", "MM", "TH", "VN"];
    private readonly FundingService.FundingServiceClient _client = service.Client();

    [Fact]
    public async Task Two_hundred_concurrent_disbursements_on_one_grant_never_exceed_its_commitment()
    {
        await service.OpenCallAsync(2044, 100_000);
        await service.FundAsync(100_000);
        var grant = await service.GrantAsync(2044, "KH", 50_000);
        await ReleaseAsync(grant);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await service.Client().DisburseTrancheAsync(new DisburseTrancheRequest
                {
                    GrantId = grant.Id, Number = 1, Amount = Usd(1_000), IdempotencyKey = $"concurrent-{i}",
                }, Approver);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(50, attempts.Count(s => s == StatusCode.OK));
        Assert.All(attempts.Where(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.FailedPrecondition, s));
        var id = Guid.Parse(grant.Id);
        Assert.Equal(50_000m, await service.InDatabaseAsync(db => db.Ledger.Where(e => e.GrantId == id && e.Kind == LedgerKind.Disbursement).SumAsync(e => e.AmountUsd)));
        Assert.Equal(50_000m, Amount((await _client.GetGrantAsync(new GetGrantRequest { GrantId = grant.Id }, Approver)).Grant.Disbursed));
    }

    [Fact]
    public async Task After_a_random_sequence_of_operations_the_ledger_balances_and_no_invariant_breaks()
    {
        await service.OpenCallAsync(2045, 400_000);
        var random = new Random(2045);
        var refusals = new List<string>();
        var grants = new List<string>();
        for (var step = 0; step < 80; step++)
        {
            try
            {
                // Weighted: closing is rarer than releasing and disbursing, as in life.
                switch (random.Next(10) switch { < 2 => 0, < 4 => 1, < 6 => 2, < 9 => 3, _ => 4 })
                {
                    case 0:
                        await service.FundAsync(random.Next(1, 200) * 1_000 + (random.Next(100) / 100m));
                        break;
                    case 1:
                        var amount = random.Next(10, 120) * 1_000m;
                        grants.Add((await service.GrantAsync(2045, Members[random.Next(6)], amount, amount / 2, amount / 2)).Id);
                        break;
                    case 2 when grants.Count > 0:
                        var toRelease = (await _client.GetGrantAsync(new GetGrantRequest { GrantId = grants[random.Next(grants.Count)] }, Approver)).Grant;
                        await ReleaseAsync(toRelease);
                        break;
                    case 3 when grants.Count > 0:
                        var grant = (await _client.GetGrantAsync(new GetGrantRequest { GrantId = grants[random.Next(grants.Count)] }, Approver)).Grant;
                        await _client.DisburseTrancheAsync(new DisburseTrancheRequest
                        {
                            // Half the time what remains of the tranche, half the time a part of it (perhaps too much).
                            GrantId = grant.Id, Number = random.Next(1, 3), Amount = random.Next(2) == 0 ? null : Usd(random.Next(1, 60) * 1_000),
                            IdempotencyKey = Guid.NewGuid().ToString(),
                        }, Approver);
                        break;
                    case 4 when grants.Count > 0:
                        await _client.CloseGrantAsync(new CloseGrantRequest { GrantId = grants[random.Next(grants.Count)], FinalReport = "Final report.", IdempotencyKey = Guid.NewGuid().ToString() }, Approver);
                        break;
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.AlreadyExists)
            {
                refusals.Add(e.Status.Detail);
                // A refusal is an outcome too: the invariants below must hold either way.
            }

            await AssertInvariantsAsync();
        }

        // The sequence did move money: commitments, disbursements and releases at closure.
        var ids = grants.Select(Guid.Parse).ToList();
        var kinds = await service.InDatabaseAsync(db => db.Ledger.Where(e => e.GrantId != null && ids.Contains(e.GrantId.Value))
            .Select(e => new { e.Kind, Negative = e.AmountUsd < 0 }).Distinct().ToListAsync());
        Assert.True(kinds.Any(k => k.Kind == LedgerKind.Disbursement), $"no disbursement among {grants.Count} grants; refusals: {string.Join(" | ", refusals)}");
        Assert.Contains(kinds, k => k.Kind == LedgerKind.Commitment && k.Negative);
    }

    private async Task AssertInvariantsAsync()
    {
        var position = await _client.GetFundPositionAsync(new GetFundPositionRequest(), Approver);
        var entries = await service.InDatabaseAsync(db => db.Ledger.AsNoTracking().ToListAsync());
        decimal Sum(LedgerKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.AmountUsd);
        Assert.Equal(Sum(LedgerKind.IncomingFunds), Amount(position.Total.Received));
        Assert.Equal(Sum(LedgerKind.Commitment), Amount(position.Total.Committed));
        Assert.Equal(Sum(LedgerKind.Disbursement), Amount(position.Total.Disbursed));
        Assert.True(Amount(position.Total.Available) >= 0, "commitments exceed the funds received");
        // Every country's net commitments under the 2045 call stay within its envelope (400,000).
        Assert.All(entries.Where(e => e.Kind == LedgerKind.Commitment && e.Year == 2045).GroupBy(e => e.Country),
            c => Assert.True(c.Sum(e => e.AmountUsd) <= 400_000m, $"{c.Key} exceeds its envelope"));
        Assert.Equal(Amount(position.Total.Committed), position.ByCountry.Sum(l => Amount(l.Position.Committed)));
        // A year of the position is the ledger's listing for that year, to the cent.
        foreach (var line in position.ByYear)
        {
            var listed = (await _client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Year = int.Parse(line.Key, System.Globalization.CultureInfo.InvariantCulture) }, Approver)).Entries;
            Assert.Equal(Amount(line.Position.Committed), listed.Where(e => e.Kind == "commitment").Sum(e => Amount(e.AmountUsd)));
            Assert.Equal(Amount(line.Position.Disbursed), listed.Where(e => e.Kind == "disbursement").Sum(e => Amount(e.AmountUsd)));
        }
        foreach (var grant in entries.Where(e => e.GrantId is not null).GroupBy(e => e.GrantId))
        {
            var committed = grant.Where(e => e.Kind == LedgerKind.Commitment).Sum(e => e.AmountUsd);
            var disbursed = grant.Where(e => e.Kind == LedgerKind.Disbursement).Sum(e => e.AmountUsd);
            Assert.True(disbursed <= committed, $"grant {grant.Key}: disbursed {disbursed} > committed {committed}");
            var stored = await service.InDatabaseAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == grant.Key));
            Assert.Equal((committed, disbursed), (stored.CommittedUsd, stored.DisbursedUsd));
        }
    }

    private async Task ReleaseAsync(Lmc.Contracts.Funding.V1.Grant grant)
    {
        var awaiting = grant.Tranches.Count(t => t.Status == TrancheStatus.AwaitingReport);
        if (awaiting == 0)
        {
            return;
        }

        await service.Services.GetRequiredService<IBus>().Publish(new ProgressReportAccepted(Guid.Parse(grant.ProjectId), Guid.NewGuid(), "KH", "water-resources",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 50, "jwg", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await _client.GetGrantAsync(new GetGrantRequest { GrantId = grant.Id }, Approver)).Grant.Tranches
            .Count(t => t.Status == TrancheStatus.AwaitingReport) < awaiting, because: "the report to release a tranche");
    }
}
