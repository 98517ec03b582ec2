using Lmc.BuildingBlocks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lmc.BuildingBlocks.Inbox;

/// <summary>
/// Base of every consumer with an effect: the message id is recorded in the inbox in the same
/// transaction as the effect, so a redelivered message (the broker's at-least-once, the outbox's
/// re-publication after a crash) has no second effect.
/// </summary>
public abstract class InboxConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : LmcDbContext
{
    /// <summary>The service's DbContext: the effect is made through it and saved with the inbox row.</summary>
    protected TDbContext Db { get; } = db;

    /// <summary>The name the inbox records: the class name; override it to keep the inbox's history when renaming the class.</summary>
    protected virtual string InboxName => GetType().Name;

    public Task Consume(ConsumeContext<TMessage> context) =>
        Db.ApplyOnceAsync(Inbox.MessageIdOf(context), InboxName, ct => HandleAsync(context.Message, context, ct), logger, context.CancellationToken);

    /// <summary>Applies the message through the DbContext; the base saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}

public static partial class Inbox
{
    /// <summary>The id a consumer de-duplicates on; a message without one cannot be applied exactly once.</summary>
    public static Guid MessageIdOf<TMessage>(ConsumeContext<TMessage> context) where TMessage : class =>
        context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be de-duplicated.");

    /// <summary>
    /// Runs <paramref name="effect"/> and saves it only if this consumer has not applied this
    /// message before. A concurrent duplicate waits on the inbox row's key, then finds it taken.
    /// </summary>
    /// <returns>True when the effect was applied, false for a duplicate.</returns>
    public static async Task<bool> ApplyOnceAsync(
        this LmcDbContext db, Guid messageId, string consumer, Func<CancellationToken, Task> effect, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            LogDuplicate(logger, consumer, messageId);
            return false;
        }

        await effect(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} already applied message {MessageId}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string consumer, Guid messageId);
}
