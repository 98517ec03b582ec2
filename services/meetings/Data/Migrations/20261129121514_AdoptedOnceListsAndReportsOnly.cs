using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Meetings.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdoptedOnceListsAndReportsOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_agenda_items_adopted_yearly",
                table: "agenda_items");

            migrationBuilder.CreateIndex(
                name: "IX_agenda_items_body_id",
                table: "agenda_items",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ux_agenda_items_adopted_yearly",
                table: "agenda_items",
                columns: new[] { "body_id", "kind", "year" },
                unique: true,
                filter: "status = 'Adopted' AND kind IN ('AnnualProjectList', 'ImplementationReport')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_agenda_items_body_id",
                table: "agenda_items");

            migrationBuilder.DropIndex(
                name: "ux_agenda_items_adopted_yearly",
                table: "agenda_items");

            migrationBuilder.CreateIndex(
                name: "ux_agenda_items_adopted_yearly",
                table: "agenda_items",
                columns: new[] { "body_id", "kind", "year" },
                unique: true,
                filter: "status = 'Adopted' AND year IS NOT NULL");
        }
    }
}
