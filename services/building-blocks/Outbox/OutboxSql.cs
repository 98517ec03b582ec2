using Microsoft.EntityFrameworkCore.Migrations;

namespace Lmc.BuildingBlocks.Outbox;

/// <summary>
/// The outbox's table name, and the NOTIFY trigger the first migrations created. The trigger is
/// gone since: PostgreSQL serializes the commits of notifying transactions (eight writers fell
/// from 2,753 to 408 commits/s), so the dispatcher is woken in-process (<see cref="OutboxWakeUp"/>).
/// The methods stay for the migrations that added and then dropped it.
/// </summary>
public static class OutboxSql
{
    public const string Table = "outbox_messages";

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
