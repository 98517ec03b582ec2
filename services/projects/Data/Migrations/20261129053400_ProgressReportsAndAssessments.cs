using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReportsAndAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessor_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    assessor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    rating = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    findings = table.Column<List<string>>(type: "text[]", nullable: false),
                    recommendations = table.Column<string>(type: "text", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    percent_complete = table.Column<int>(type: "integer", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    indicator_actuals = table.Column<string>(type: "jsonb", nullable: false),
                    narrative = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_project",
                table: "assessments",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_project",
                table: "progress_reports",
                column: "project_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "progress_reports");
        }
    }
}
