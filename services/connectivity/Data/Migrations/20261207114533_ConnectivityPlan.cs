using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Connectivity.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConnectivityPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    area = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    link_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    corridor_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    project_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_items_code",
                table: "plan_items",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_items");
        }
    }
}
