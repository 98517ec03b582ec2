using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lmc.Meetings.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bodies",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority_area = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bodies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compiled_lists",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    project_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    compiled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compiled_lists", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    result_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    aggregate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    host_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    co_chairs = table.Column<List<string>>(type: "text[]", nullable: false),
                    delegations = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agenda_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parent = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    priority_area = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    documents = table.Column<string>(type: "jsonb", nullable: false),
                    positions = table.Column<string>(type: "jsonb", nullable: false),
                    silence_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision = table.Column<string>(type: "jsonb", nullable: true),
                    project_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    outcome_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_agenda_items_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agenda_items_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "bodies",
                columns: new[] { "id", "kind", "level", "name", "priority_area", "symbol" },
                values: new object[,]
                {
                    { "diplomatic-jwg", "DiplomaticJwg", null, "Diplomatic Joint Working Group", null, "DJWG" },
                    { "fmm", "ForeignMinisters", null, "Lancang-Mekong Cooperation Foreign Ministers' Meeting", null, "FMM" },
                    { "jwg-agriculture-and-poverty-reduction", "SectoralJwg", "WorkingGroup", "Joint Working Group on Agriculture and Poverty Reduction", "agriculture-and-poverty-reduction", "JWG-APR" },
                    { "jwg-connectivity", "SectoralJwg", "WorkingGroup", "Joint Working Group on Connectivity", "connectivity", "JWG-CON" },
                    { "jwg-cross-border-economic-cooperation", "SectoralJwg", "WorkingGroup", "Joint Working Group on Cross-border Economic Cooperation", "cross-border-economic-cooperation", "JWG-CBEC" },
                    { "jwg-production-capacity", "SectoralJwg", "WorkingGroup", "Joint Working Group on Production Capacity", "production-capacity", "JWG-PC" },
                    { "jwg-water-resources", "SectoralJwg", "WorkingGroup", "Joint Working Group on Water Resources", "water-resources", "JWG-WR" },
                    { "leaders", "Leaders", null, "Lancang-Mekong Cooperation Leaders' Meeting", null, "LM" },
                    { "som", "SeniorOfficials", null, "Lancang-Mekong Cooperation Senior Officials' Meeting", null, "SOM" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_body_id",
                table: "agenda_items",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_kind_year_status",
                table: "agenda_items",
                columns: new[] { "kind", "year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_meeting_id",
                table: "agenda_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_parent_number",
                table: "agenda_items",
                columns: new[] { "parent", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_silence_deadline",
                table: "agenda_items",
                column: "silence_deadline",
                filter: "status = 'Pending' AND silence_deadline IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_agenda_items_adopted_yearly",
                table: "agenda_items",
                columns: new[] { "body_id", "kind", "year" },
                unique: true,
                filter: "status = 'Adopted' AND kind IN ('AnnualProjectList', 'ImplementationReport')");

            migrationBuilder.CreateIndex(
                name: "ix_bodies_symbol",
                table: "bodies",
                column: "symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_body_id_ordinal",
                table: "meetings",
                columns: new[] { "body_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_published_at",
                table: "outbox_messages",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unpublished",
                table: "outbox_messages",
                column: "sequence",
                filter: "published_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_items");

            migrationBuilder.DropTable(
                name: "compiled_lists");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "bodies");
        }
    }
}
