using Lmc.BuildingBlocks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lmc.BuildingBlocks.Inbox;

/// <summary>
/// The inbox for a high-volume event: MassTransit hands over a batch of messages, and their ids
/// go into the inbox in one statement and their effects are saved in one transaction, instead of
/// a transaction per message. A message the inbox has seen before (a redelivery, or the same id
/// twice in the batch) has no second effect. Register with <see cref="BatchInbox.Configure"/>.
/// </summary>
public abstract class BatchInboxConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TDbContext : LmcDbContext
{
    protected TDbContext Db { get; } = db;

    /// <summary>The name the inbox records: the class name; override it to keep the inbox's history when renaming the class.</summary>
    protected virtual string InboxName => GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message.ToList();
        var ids = messages.Select(Inbox.MessageIdOf).ToArray();
        var cancellationToken = context.CancellationToken;

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = await RecordAsync(ids, transaction, cancellationToken);
        var applied = 0;
        foreach (var message in messages)
        {
            // Remove as applied: an id twice in one batch takes effect once.
            if (fresh.Remove(Inbox.MessageIdOf(message)))
            {
                await HandleAsync(message.Message, message, cancellationToken);
                applied++;
            }
        }

        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (applied > 0)
        {
            OnCommitted(applied);
        }

        if (applied < messages.Count)
        {
            BatchInbox.LogDuplicates(logger, InboxName, messages.Count - applied, messages.Count);
        }
    }

    /// <summary>After a batch's effects are committed (to wake whatever works on them without waiting for its poll).</summary>
    protected virtual void OnCommitted(int applied)
    {
    }

    /// <summary>Applies one message through the DbContext; the base saves the batch and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the batch's ids in a fixed order (two batches sharing ids then wait, never deadlock);
    /// returns those the inbox had not seen (a concurrent duplicate waits on the key).
    /// </summary>
    private async Task<HashSet<Guid>> RecordAsync(Guid[] ids, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            "INSERT INTO inbox_messages (message_id, consumer, processed_at) SELECT DISTINCT id, @consumer, @now FROM unnest(@ids) AS id ORDER BY id ON CONFLICT DO NOTHING RETURNING message_id",
            connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        command.Parameters.AddWithValue("consumer", InboxName);
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        var fresh = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fresh.Add(reader.GetGuid(0));
        }

        return fresh;
    }
}

public static partial class BatchInbox
{
    /// <summary>
    /// Batches of up to <paramref name="size"/> messages, or what has arrived within
    /// <paramref name="wait"/>; two batches at a time. The endpoint's prefetch must hold them
    /// (the platform's default is 128).
    /// </summary>
    public static void Configure<TConsumer>(IConsumerConfigurator<TConsumer> consumer, int size = 50, TimeSpan? wait = null)
        where TConsumer : class, IConsumer =>
        consumer.Options<BatchOptions>(o => o.SetMessageLimit(size).SetTimeLimit(wait ?? TimeSpan.FromMilliseconds(5)).SetConcurrencyLimit(2));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} skipped {Duplicates} of {Count} messages of a batch: already applied")]
    internal static partial void LogDuplicates(ILogger logger, string consumer, int duplicates, int count);
}
