using Microsoft.EntityFrameworkCore.Migrations;

namespace Lmc.BuildingBlocks.Outbox;

/// <summary>The outbox's table name, its wake-up channel and the trigger that feeds it.</summary>
public static class OutboxSql
{
    public const string Table = "outbox_messages";

    /// <summary>
    /// PostgreSQL delivers a NOTIFY only when the transaction that raised it commits, so a trigger on
    /// the outbox wakes the dispatchers of every replica exactly when there is something to publish.
    /// </summary>
    public const string Channel = "lmc_outbox";

    /// <summary>The trigger and its function, as SQL.</summary>
    public const string WakeUpTriggerSql = $"""
        CREATE OR REPLACE FUNCTION lmc_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('{Channel}', '');
          RETURN NULL;
        END $$;
        CREATE TRIGGER {Table}_notify AFTER INSERT ON {Table}
          FOR EACH STATEMENT EXECUTE FUNCTION lmc_outbox_notify();
        """;

    /// <summary>Adds the wake-up trigger; call it in the migration that creates the outbox table.</summary>
    public static void AddOutboxWakeUpTrigger(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql(WakeUpTriggerSql);

    public static void DropOutboxWakeUpTrigger(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            DROP TRIGGER IF EXISTS {Table}_notify ON {Table};
            DROP FUNCTION IF EXISTS lmc_outbox_notify();
            """);
    }
}
