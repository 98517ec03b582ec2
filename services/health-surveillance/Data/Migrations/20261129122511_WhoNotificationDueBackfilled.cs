using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.HealthSurveillance.Data.Migrations
{
    /// <inheritdoc />
    public partial class WhoNotificationDueBackfilled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Alerts assessed before who_notification_due existed: their WHO clock, where IHR Annex 2
            // required notification, from their assessment (the last one: the first is not kept).
            migrationBuilder.Sql("""
                UPDATE alerts
                SET who_notification_due = assessed_at + interval '24 hours'
                WHERE who_notification_due IS NULL AND assessed_at IS NOT NULL AND ihr IS NOT NULL
                  AND (coalesce((ihr::jsonb->>'alwaysNotifiable')::boolean, false)
                       OR (coalesce((ihr::jsonb->>'seriousImpact')::boolean, false)::int
                         + coalesce((ihr::jsonb->>'unusual')::boolean, false)::int
                         + coalesce((ihr::jsonb->>'internationalSpread')::boolean, false)::int
                         + coalesce((ihr::jsonb->>'travelOrTradeRestriction')::boolean, false)::int) >= 2);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the column stays, and a backfilled clock is as true as a recorded one.
        }
    }
}
