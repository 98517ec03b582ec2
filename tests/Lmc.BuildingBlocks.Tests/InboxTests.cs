using Lmc.BuildingBlocks.Inbox;
using Lmc.Projects.Contracts;
using Lmc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lmc.BuildingBlocks.Tests;

public sealed class InboxTests : IAsyncLifetime
{
    private IsolatedInfrastructure _infrastructure = null!;
    private string _db = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _db = await TestDbContext.CreateSchemaAsync(_infrastructure, "inbox");
        _host = MessagingTestHost.Build(_db, _infrastructure);
        await _host.StartAndWaitForBusAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var duplicated = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var message = MessagingTestHost.Submitted(duplicated, 1);
        await bus.Publish(message, c => c.MessageId = messageId);
        await bus.Publish(message, c => c.MessageId = messageId);

        // One message at a time, in order: once this one is applied, both copies were consumed.
        var sentinel = Guid.NewGuid();
        await bus.Publish(MessagingTestHost.Submitted(sentinel, 1));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = TestDbContext.Open(_db);
            return await db.Effects.AnyAsync(e => e.ProjectId == sentinel);
        }, because: "the sentinel message");

        await using var check = TestDbContext.Open(_db);
        Assert.Equal(1, await check.Effects.CountAsync(e => e.ProjectId == duplicated));
        Assert.Equal(1, await check.InboxMessages.CountAsync(m => m.MessageId == messageId));
    }

    [Fact]
    public async Task Concurrent_duplicates_applied_directly_have_one_effect()
    {
        // Two consumers racing on the same message id (two replicas given the same redelivery):
        // the second waits on the inbox key, then finds it taken.
        var projectId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var message = MessagingTestHost.Submitted(projectId, 1);

        async Task<bool> ApplyOnce()
        {
            await using var db = TestDbContext.Open(_db);
            return await db.ApplyOnceAsync(messageId, nameof(SubmittedEffects), _ =>
            {
                db.Effects.Add(new Effect { ProjectId = projectId, Version = message.Version, MessageId = messageId });
                return Task.CompletedTask;
            }, NullLogger.Instance, CancellationToken.None);
        }

        var applied = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(ApplyOnce)));
        Assert.Equal(1, applied.Count(a => a));

        await using var check = TestDbContext.Open(_db);
        Assert.Equal(1, await check.Effects.CountAsync(e => e.ProjectId == projectId));
    }

    [Fact]
    public async Task A_batch_of_messages_takes_effect_once_each_even_with_redeliveries_inside_and_across_batches()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var projects = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToList();
        var messageIds = projects.ToDictionary(p => p, _ => NewId.NextGuid());
        // All at once, so that batches form; every tenth message twice under the same id, in the
        // same batch or a later one.
        await Task.WhenAll(projects.Concat(projects.Where((_, i) => i % 10 == 0)).Select(project =>
            bus.Publish(new ProjectEndorsed(project, "TH", "water-resources", "jwg", 1, DateTimeOffset.UtcNow), c => c.MessageId = messageIds[project])));

        await Eventually.TrueAsync(async () =>
        {
            await using var db = TestDbContext.Open(_db);
            return await db.Effects.CountAsync(e => projects.Contains(e.ProjectId)) >= projects.Count;
        }, because: "every endorsed project's effect");
        await Task.Delay(500); // room for a wrong second effect to show

        await using var check = TestDbContext.Open(_db);
        Assert.Equal(projects.Count, await check.Effects.CountAsync(e => projects.Contains(e.ProjectId)));
        var recorded = await check.InboxMessages.Where(m => m.Consumer == nameof(EndorsedEffects)).ToListAsync();
        Assert.Equal(projects.Count, recorded.Count);
        // A batch records its ids with one timestamp: more than one message shared a batch.
        Assert.Contains(recorded.GroupBy(m => m.ProcessedAt), batch => batch.Count() > 1);
    }
}
