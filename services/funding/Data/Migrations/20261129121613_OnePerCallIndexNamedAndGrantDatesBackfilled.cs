using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Funding.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnePerCallIndexNamedAndGrantDatesBackfilled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_applications_call_year_project_id",
                table: "applications",
                newName: "ux_applications_call_project");

            // Grants made before committed_on and created_at existed got the columns' defaults
            // (0001-01-01), which would let any disbursement date and any late report through:
            // take both from the grant's first commitment in the ledger.
            migrationBuilder.Sql("""
                UPDATE grants g
                SET committed_on = CASE WHEN g.committed_on = DATE '0001-01-01' THEN c.value_date ELSE g.committed_on END,
                    created_at = CASE WHEN g.created_at < TIMESTAMPTZ '0002-01-01 00:00:00+00' THEN c.recorded_at ELSE g.created_at END
                FROM (SELECT DISTINCT ON (grant_id) grant_id, value_date, recorded_at
                      FROM ledger_entries
                      WHERE kind = 'Commitment' AND grant_id IS NOT NULL
                      ORDER BY grant_id, recorded_at) c
                WHERE g.id = c.grant_id
                  AND (g.committed_on = DATE '0001-01-01' OR g.created_at < TIMESTAMPTZ '0002-01-01 00:00:00+00');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ux_applications_call_project",
                table: "applications",
                newName: "IX_applications_call_year_project_id");
        }
    }
}
