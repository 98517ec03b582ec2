using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.HealthSurveillance.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertsOnePerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "report_received_at",
                table: "signals");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "who_notification_due",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_alerts_open_per_unit",
                table: "alerts",
                columns: new[] { "disease", "unit" },
                unique: true,
                filter: "status NOT IN ('Closed', 'Discarded')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_alerts_open_per_unit",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "who_notification_due",
                table: "alerts");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "report_received_at",
                table: "signals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));
        }
    }
}
