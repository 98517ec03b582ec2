using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Connectivity.Data.Migrations
{
    /// <inheritdoc />
    public partial class PowerFlows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "power_flows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month_start = table.Column<DateOnly>(type: "date", nullable: false),
                    from_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    to_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    mwh_forward = table.Column<double>(type: "double precision", nullable: false),
                    mwh_reverse = table.Column<double>(type: "double precision", nullable: false),
                    capacity_mw = table.Column<double>(type: "double precision", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_power_flows", x => x.id);
                    table.CheckConstraint("ck_power_flows_energy", "mwh_forward >= 0 AND mwh_reverse >= 0 AND mwh_forward + mwh_reverse <= capacity_mw * 24 * 31");
                    table.ForeignKey(
                        name: "fk_power_flows_links_link_id",
                        column: x => x.link_id,
                        principalTable: "links",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_power_flows_link_id_month_start",
                table: "power_flows",
                columns: new[] { "link_id", "month_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_power_flows_month_start",
                table: "power_flows",
                column: "month_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "power_flows");
        }
    }
}
