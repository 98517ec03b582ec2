using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.HealthSurveillance.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeightenedSurveillance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "heightened_surveillance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    warning_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    hazard = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    headline = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    diseases = table.Column<List<string>>(type: "text[]", nullable: false),
                    from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_heightened_surveillance", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_heightened_surveillance_unit_from",
                table: "heightened_surveillance",
                columns: new[] { "unit", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_heightened_surveillance_warning_id_unit",
                table: "heightened_surveillance",
                columns: new[] { "warning_id", "unit" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "heightened_surveillance");
        }
    }
}
