using Grpc.Core;
using Lmc.Contracts.Funding.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using Microsoft.EntityFrameworkCore;
using static Lmc.Funding.Tests.FundingServiceFactory;

namespace Lmc.Funding.Tests;

/// <summary>Para 92 through the one synchronous call: only adopted projects; projects down means a retriable error and no write.</summary>
[Collection(FundingServiceGroup.Name)]
public sealed class EligibilityTests(FundingServiceFactory service)
{
    private readonly FundingService.FundingServiceClient _client = service.Client();

    [Fact]
    public async Task A_project_not_adopted_is_refused_and_nothing_is_written()
    {
        await EnsureCallAsync();
        var endorsed = service.Projects.Add("LA", ProjectStatus.Endorsed);

        var rule = await Refusals.RuleOf(() => _client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            CallYear = 2040, ProjectId = endorsed.ToString(), Requested = Usd(100_000), IdempotencyKey = "not-adopted",
        }, Secretariat("LA")).ResponseAsync);

        Assert.Equal("eligibility.not-adopted", rule);
        Assert.False(await service.InDatabaseAsync(db => db.Applications.AnyAsync(a => a.ProjectId == endorsed)));
    }

    [Fact]
    public async Task A_secretariat_applies_only_for_its_own_countrys_project()
    {
        await EnsureCallAsync();
        var thai = service.Projects.Add("TH", ProjectStatus.Adopted);

        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => _client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            CallYear = 2040, ProjectId = thai.ToString(), Requested = Usd(100_000), IdempotencyKey = "foreign",
        }, Secretariat("LA")).ResponseAsync));
    }

    [Fact]
    public async Task With_projects_unreachable_the_answer_is_a_retriable_unavailable_and_nothing_is_written()
    {
        await EnsureCallAsync();
        var adopted = service.Projects.Add("KH", ProjectStatus.Adopted);
        await service.Projects.StopAsync();
        try
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _client.SubmitApplicationAsync(new SubmitApplicationRequest
            {
                CallYear = 2040, ProjectId = adopted.ToString(), Requested = Usd(100_000), IdempotencyKey = "projects-down",
            }, Secretariat("KH")).ResponseAsync);

            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
            Assert.Contains("projects service", error.Status.Detail);
            Assert.False(await service.InDatabaseAsync(db => db.Applications.AnyAsync(a => a.ProjectId == adopted)));
            Assert.False(await service.InDatabaseAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == "projects-down")));
        }
        finally
        {
            await service.Projects.StartAsync();
        }

        // Once projects is back, the same request (same key) goes through.
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await _client.SubmitApplicationAsync(new SubmitApplicationRequest
                {
                    CallYear = 2040, ProjectId = adopted.ToString(), Requested = Usd(100_000), IdempotencyKey = "projects-down",
                }, Secretariat("KH"));
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return false; // the circuit may still be open for a few seconds
            }
        }, TimeSpan.FromSeconds(30), "the fund to ask projects again");
    }

    private async Task EnsureCallAsync()
    {
        if (!await service.InDatabaseAsync(db => db.Calls.AnyAsync(c => c.Year == 2040)))
        {
            await service.OpenCallAsync(2040, 1_000_000);
        }
    }
}
