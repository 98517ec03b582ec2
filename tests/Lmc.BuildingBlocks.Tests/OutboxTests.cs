using Lmc.BuildingBlocks.Outbox;
using Lmc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lmc.BuildingBlocks.Tests;

public sealed class OutboxTests : IAsyncLifetime
{
    private IsolatedInfrastructure _infrastructure = null!;
    private string _db = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _db = await TestDbContext.CreateSchemaAsync(_infrastructure, "outbox");
    }

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task A_rolled_back_change_leaves_no_event_and_a_committed_one_leaves_both()
    {
        var rolledBack = Guid.NewGuid();
        await using (var db = TestDbContext.Open(_db))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { Id = rolledBack, Name = "rolled back" });
            db.Publish(MessagingTestHost.Submitted(rolledBack, 1), rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var committed = Guid.NewGuid();
        await using (var db = TestDbContext.Open(_db))
        {
            db.Widgets.Add(new Widget { Id = committed, Name = "committed" });
            db.Publish(MessagingTestHost.Submitted(committed, 1), committed);
            await db.SaveChangesAsync();
        }

        await using var check = TestDbContext.Open(_db);
        Assert.False(await check.Widgets.AnyAsync(w => w.Id == rolledBack));
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.AggregateId == rolledBack));
        Assert.True(await check.Widgets.AnyAsync(w => w.Id == committed));
        var row = await check.OutboxMessages.SingleAsync(m => m.AggregateId == committed);
        Assert.Equal("lmc.projects.project-submitted.v1", row.EventName);
        Assert.Null(row.PublishedAt);
    }

    [Fact]
    public async Task A_change_that_fails_to_save_writes_no_event()
    {
        var id = Guid.NewGuid();
        await using (var db = TestDbContext.Open(_db))
        {
            db.Widgets.Add(new Widget { Id = id, Name = "first" });
            await db.SaveChangesAsync();
        }

        await using (var db = TestDbContext.Open(_db))
        {
            db.Widgets.Add(new Widget { Id = id, Name = "duplicate key" });
            db.Publish(MessagingTestHost.Submitted(id, 2), id);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = TestDbContext.Open(_db);
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.AggregateId == id));
    }

    [Fact]
    public async Task An_event_committed_before_a_crash_is_published_after_restart()
    {
        // The service committed and died before its dispatcher ran: the row is all that is left.
        var id = Guid.NewGuid();
        await using (var db = TestDbContext.Open(_db))
        {
            db.Widgets.Add(new Widget { Id = id, Name = "before the crash" });
            db.Publish(MessagingTestHost.Submitted(id, 1), id);
            await db.SaveChangesAsync();
        }

        using var host = MessagingTestHost.Build(_db, _infrastructure);
        await host.StartAndWaitForBusAsync();
        try
        {
            await EffectsOf(id, count: 1);
            await using var check = TestDbContext.Open(_db);
            Assert.NotNull((await check.OutboxMessages.SingleAsync(m => m.AggregateId == id)).PublishedAt);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_commit_wakes_the_dispatcher_without_waiting_for_the_poll()
    {
        using var host = MessagingTestHost.Build(_db, _infrastructure);
        await host.StartAndWaitForBusAsync();
        try
        {
            await Task.Delay(500); // past the dispatcher's start-up pass: from here only a wake-up helps

            // Saved without a transaction of its own, and inside an explicit one: both wake it.
            var plain = Guid.NewGuid();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                db.Publish(MessagingTestHost.Submitted(plain, 1), plain);
                await db.SaveChangesAsync();
            }

            // The poll interval is ten minutes; only the commit's wake-up can publish this in time.
            await EffectsOf(plain, count: 1, timeout: TimeSpan.FromSeconds(15));

            var explicitly = Guid.NewGuid();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Widgets.Add(new Widget { Id = explicitly, Name = "with its event" });
                db.Publish(MessagingTestHost.Submitted(explicitly, 1), explicitly);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            await EffectsOf(explicitly, count: 1, timeout: TimeSpan.FromSeconds(15));

            // The pooled context comes back for a third request: its commit still wakes the dispatcher.
            var again = Guid.NewGuid();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                db.Publish(MessagingTestHost.Submitted(again, 1), again);
                await db.SaveChangesAsync();
            }

            await EffectsOf(again, count: 1, timeout: TimeSpan.FromSeconds(15));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_consumer_runs_in_the_trace_of_the_change_that_published_the_event()
    {
        // As OpenTelemetry listens in a service: every source sampled.
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var source = new System.Diagnostics.ActivitySource("Lmc.OutboxTests");
        using var host = MessagingTestHost.Build(_db, _infrastructure);
        await host.StartAndWaitForBusAsync();
        try
        {
            var id = Guid.NewGuid();
            string traceId;
            using (var request = source.StartActivity("POST /api/v1/projects/{id}:submit"))
            {
                traceId = request!.TraceId.ToString();
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                db.Publish(MessagingTestHost.Submitted(id, 1), id);
                await db.SaveChangesAsync();
            }

            var effect = Assert.Single(await EffectsOf(id, count: 1, timeout: TimeSpan.FromSeconds(15)));
            Assert.Equal(traceId, effect.TraceId);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Events_of_one_aggregate_arrive_in_the_order_they_were_committed()
    {
        var id = Guid.NewGuid();
        for (var version = 1; version <= 8; version++)
        {
            await using var db = TestDbContext.Open(_db);
            db.Publish(MessagingTestHost.Submitted(id, version), id);
            await db.SaveChangesAsync();
        }

        using var host = MessagingTestHost.Build(_db, _infrastructure);
        await host.StartAndWaitForBusAsync();
        try
        {
            var effects = await EffectsOf(id, count: 8);
            Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), effects.OrderBy(e => e.Id).Select(e => e.Version));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Events_of_one_aggregate_queued_in_one_transaction_keep_their_order()
    {
        var id = Guid.NewGuid();
        await using (var db = TestDbContext.Open(_db))
        {
            // Queued within the same millisecond: the ids alone must keep the order.
            for (var version = 1; version <= 50; version++)
            {
                db.Publish(MessagingTestHost.Submitted(id, version), id);
            }

            await db.SaveChangesAsync();
        }

        await using var read = TestDbContext.Open(_db);
        var payloads = await read.OutboxMessages.Where(m => m.AggregateId == id).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 50).Select(v => (long)v), payloads.Select(p => System.Text.Json.JsonDocument.Parse(p).RootElement.GetProperty("version").GetInt64()));
    }

    [Fact]
    public void Outbox_ids_increase_strictly_even_within_a_millisecond()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => MonotonicGuid.NextV7()).ToList();

        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(ids[i].CompareTo(ids[i - 1]) > 0, $"id {i} does not follow id {i - 1}");
        }

        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
    }

    [Fact]
    public async Task A_broker_outage_delays_publication_and_loses_nothing()
    {
        using var host = MessagingTestHost.Build(_db, _infrastructure);
        await host.StartAndWaitForBusAsync();
        try
        {
            await _infrastructure.StopBrokerAsync();
            var ids = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
            foreach (var id in ids)
            {
                // Written by the service itself, so its dispatcher is woken and meets the outage.
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                db.Publish(MessagingTestHost.Submitted(id, 1), id);
                await db.SaveChangesAsync();
            }

            // While the broker is away the rows wait in the outbox, unpublished, and the failed
            // attempts are recorded on them.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            await using (var during = TestDbContext.Open(_db))
            {
                while (!await during.OutboxMessages.AnyAsync(m => ids.Contains(m.AggregateId) && m.Attempts > 0 && m.LastError != null) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }

                Assert.True(await during.OutboxMessages.AnyAsync(m => ids.Contains(m.AggregateId) && m.Attempts > 0 && m.LastError != null), "no failed attempt was recorded in 30 s");
                Assert.Equal(ids.Count, await during.OutboxMessages.CountAsync(m => ids.Contains(m.AggregateId) && m.PublishedAt == null));
                Assert.False(await during.Effects.AnyAsync(e => ids.Contains(e.ProjectId)));
            }

            await _infrastructure.StartBrokerAsync();
            foreach (var id in ids)
            {
                await EffectsOf(id, count: 1, timeout: TimeSpan.FromSeconds(60));
            }

            await using var after = TestDbContext.Open(_db);
            Assert.Equal(0, await after.OutboxMessages.CountAsync(m => ids.Contains(m.AggregateId) && m.PublishedAt == null));
        }
        finally
        {
            await _infrastructure.StartBrokerAsync();
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Only_one_dispatcher_publishes_a_row_when_two_replicas_race()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        await using (var db = TestDbContext.Open(_db))
        {
            foreach (var id in ids)
            {
                db.Publish(MessagingTestHost.Submitted(id, 1), id);
            }

            await db.SaveChangesAsync();
        }

        using var first = MessagingTestHost.Build(_db, _infrastructure);
        using var second = MessagingTestHost.Build(_db, _infrastructure);
        await Task.WhenAll(first.StartAndWaitForBusAsync(), second.StartAndWaitForBusAsync());
        try
        {
            foreach (var id in ids)
            {
                await EffectsOf(id, count: 1);
            }

            await Task.Delay(1000); // room for a duplicate to show up, were there one
            await using var check = TestDbContext.Open(_db);
            Assert.Equal(ids.Count, await check.Effects.CountAsync(e => ids.Contains(e.ProjectId)));
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
        }
    }

    private async Task<List<Effect>> EffectsOf(Guid projectId, int count, TimeSpan? timeout = null) =>
        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = TestDbContext.Open(_db);
            var effects = await db.Effects.Where(e => e.ProjectId == projectId).ToListAsync();
            return effects.Count >= count ? effects : null;
        }, timeout, $"{count} effect(s) of {projectId}");
}
