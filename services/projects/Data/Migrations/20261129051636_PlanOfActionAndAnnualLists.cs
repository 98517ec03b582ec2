using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanOfActionAndAnnualLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "actual_end",
                table: "projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "actual_start",
                table: "projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "adopted_for_year",
                table: "projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "budget_lines",
                table: "projects",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "iati_identifier",
                table: "projects",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<int>>(
                name: "paragraphs",
                table: "projects",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");

            migrationBuilder.AddColumn<string>(
                name: "participating_organisations",
                table: "projects",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "plan_id",
                table: "projects",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "results",
                table: "projects",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "sectors",
                table: "projects",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            // Projects registered before IATI identifiers existed get one of the reporting
            // organisation's form, and the plan in force at their planned start.
            migrationBuilder.Sql("""
                UPDATE projects SET iati_identifier = 'XM-LMC-' || lead_country || '-' || replace(id::text, '-', '')
                WHERE iati_identifier = '';
                UPDATE projects SET plan_id = '2018-2022' WHERE plan_id = '' AND extract(year FROM planned_start) BETWEEN 2018 AND 2022;
                """);

            migrationBuilder.CreateTable(
                name: "annual_lists",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nomination_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entries = table.Column<string>(type: "jsonb", nullable: false),
                    recommended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    adopted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_lists", x => x.year);
                });

            migrationBuilder.CreateIndex(
                name: "ix_projects_paragraphs",
                table: "projects",
                column: "paragraphs")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ux_projects_iati_identifier",
                table: "projects",
                column: "iati_identifier",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_lists");

            migrationBuilder.DropIndex(
                name: "ix_projects_paragraphs",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ux_projects_iati_identifier",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "actual_end",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "actual_start",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "adopted_for_year",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "budget_lines",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "iati_identifier",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "paragraphs",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "participating_organisations",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "plan_id",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "results",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "sectors",
                table: "projects");
        }
    }
}
