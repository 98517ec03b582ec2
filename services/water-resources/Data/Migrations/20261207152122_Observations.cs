using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.WaterResources.Data.Migrations
{
    /// <inheritdoc />
    public partial class Observations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecasts",
                columns: table => new
                {
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lead_days = table.Column<int>(type: "integer", nullable: false),
                    target_date = table.Column<DateOnly>(type: "date", nullable: false),
                    level_m = table.Column<double>(type: "double precision", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forecasts", x => new { x.station_code, x.issued_at, x.lead_days });
                    table.CheckConstraint("ck_forecasts_lead", "lead_days BETWEEN 1 AND 5");
                });

            migrationBuilder.CreateTable(
                name: "level_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    alarm_m = table.Column<double>(type: "double precision", nullable: true),
                    flood_m = table.Column<double>(type: "double precision", nullable: true),
                    drought_m = table.Column<double>(type: "double precision", nullable: true),
                    rapid_rise_m_per24h = table.Column<double>(type: "double precision", nullable: true),
                    drought_window_days = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    set_by = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_level_sets", x => x.id);
                    table.CheckConstraint("ck_level_sets_version", "version >= 1");
                });

            migrationBuilder.CreateTable(
                name: "observation_revisions",
                columns: table => new
                {
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    property = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    recorded_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_revisions", x => new { x.station_code, x.property, x.time, x.version });
                });

            migrationBuilder.CreateTable(
                name: "observations",
                columns: table => new
                {
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    property = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    recorded_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observations", x => new { x.station_code, x.property, x.time });
                    table.CheckConstraint("ck_observations_version", "version >= 1");
                });

            migrationBuilder.CreateTable(
                name: "station_states",
                columns: table => new
                {
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    level_m = table.Column<double>(type: "double precision", nullable: true),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    change24h_m = table.Column<double>(type: "double precision", nullable: true),
                    level_version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_station_states", x => x.station_code);
                });

            migrationBuilder.CreateTable(
                name: "warnings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    station_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    station_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    headline = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    value_m = table.Column<double>(type: "double precision", nullable: false),
                    threshold_m = table.Column<double>(type: "double precision", nullable: true),
                    level_version = table.Column<int>(type: "integer", nullable: true),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lifted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lift_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    peak_m = table.Column<double>(type: "double precision", nullable: true),
                    forecast_date = table.Column<DateOnly>(type: "date", nullable: true),
                    reach_units = table.Column<List<string>>(type: "text[]", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warnings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warning_deliveries",
                columns: table => new
                {
                    warning_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warning_deliveries", x => new { x.warning_id, x.country });
                    table.ForeignKey(
                        name: "fk_warning_deliveries_warnings_warning_id",
                        column: x => x.warning_id,
                        principalTable: "warnings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_level_sets_station_code_version",
                table: "level_sets",
                columns: new[] { "station_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_warning_deliveries_country_delivered_at",
                table: "warning_deliveries",
                columns: new[] { "country", "delivered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_warning_deliveries_delivered_at",
                table: "warning_deliveries",
                column: "delivered_at",
                filter: "acknowledged_at IS NULL AND escalated_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_warnings_issued_at",
                table: "warnings",
                column: "issued_at");

            migrationBuilder.CreateIndex(
                name: "ix_warnings_station_code_kind",
                table: "warnings",
                columns: new[] { "station_code", "kind" },
                unique: true,
                filter: "lifted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecasts");

            migrationBuilder.DropTable(
                name: "level_sets");

            migrationBuilder.DropTable(
                name: "observation_revisions");

            migrationBuilder.DropTable(
                name: "observations");

            migrationBuilder.DropTable(
                name: "station_states");

            migrationBuilder.DropTable(
                name: "warning_deliveries");

            migrationBuilder.DropTable(
                name: "warnings");
        }
    }
}
