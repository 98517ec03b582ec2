using Lmc.BuildingBlocks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lmc.BuildingBlocks.Inbox;

/// <summary>
/// Base of every consumer with an effect: the message id is recorded in the inbox in the same
/// transaction as the effect, so a redelivered message (the broker's at-least-once, the outbox's
/// re-publication after a crash) has no second effect. A concurrent duplicate waits on the inbox
/// row's key and then finds it taken.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : LmcDbContext
{
    /// <summary>The name the inbox records; stable across renames of the class.</summary>
    protected virtual string InboxName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be de-duplicated.");
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {InboxName}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            LogDuplicate(logger, InboxName, messageId);
            return;
        }

        await HandleAsync(context.Message, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message through the DbContext; the base saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} already applied message {MessageId}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string consumer, Guid messageId);
}
