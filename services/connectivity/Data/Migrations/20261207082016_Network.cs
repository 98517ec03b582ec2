using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lmc.Connectivity.Data.Migrations
{
    /// <inheritdoc />
    public partial class Network : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pgrouting", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "corridors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    link_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    node_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_corridors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nodes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nodes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    from_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<LineString>(type: "geometry(LineString, 4326)", nullable: false),
                    length_km = table.Column<double>(type: "double precision", nullable: false),
                    owner_countries = table.Column<string[]>(type: "text[]", nullable: false),
                    route_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    gauge_mm = table.Column<int>(type: "integer", nullable: true),
                    navigable_class = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    voltage_kv = table.Column<double>(type: "double precision", nullable: true),
                    capacity_mw = table.Column<double>(type: "double precision", nullable: true),
                    capacity_gbps = table.Column<double>(type: "double precision", nullable: true),
                    speed_kmh = table.Column<double>(type: "double precision", nullable: false),
                    cost_usd_per_tonne_km = table.Column<double>(type: "double precision", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_completion = table.Column<DateOnly>(type: "date", nullable: true),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status_changed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_links_nodes_from_node_id",
                        column: x => x.from_node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_links_nodes_to_node_id",
                        column: x => x.to_node_id,
                        principalTable: "nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "border_crossings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    side_a_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    side_b_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_a = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    country_b = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    opening_hours_a = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opening_hours_b = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    single_window_a = table.Column<int>(type: "integer", nullable: false),
                    single_window_b = table.Column<int>(type: "integer", nullable: false),
                    dwell_hours_a_to_b = table.Column<double>(type: "double precision", nullable: false),
                    dwell_hours_b_to_a = table.Column<double>(type: "double precision", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_border_crossings", x => x.id);
                    table.ForeignKey(
                        name: "fk_border_crossings_links_link_id",
                        column: x => x.link_id,
                        principalTable: "links",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "crossing_performance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    crossing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    export_declarations = table.Column<int>(type: "integer", nullable: false),
                    export_median_hours = table.Column<double>(type: "double precision", nullable: false),
                    export_p90hours = table.Column<double>(type: "double precision", nullable: false),
                    import_declarations = table.Column<int>(type: "integer", nullable: false),
                    import_median_hours = table.Column<double>(type: "double precision", nullable: false),
                    import_p90hours = table.Column<double>(type: "double precision", nullable: false),
                    transit_declarations = table.Column<int>(type: "integer", nullable: false),
                    transit_median_hours = table.Column<double>(type: "double precision", nullable: false),
                    transit_p90hours = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crossing_performance", x => x.id);
                    table.ForeignKey(
                        name: "fk_crossing_performance_border_crossings_crossing_id",
                        column: x => x.crossing_id,
                        principalTable: "border_crossings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_border_crossings_code",
                table: "border_crossings",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_border_crossings_link_id",
                table: "border_crossings",
                column: "link_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_corridors_code",
                table: "corridors",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_crossing_performance_crossing_id_country_period",
                table: "crossing_performance",
                columns: new[] { "crossing_id", "country", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_links_code",
                table: "links",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_links_from_node_id",
                table: "links",
                column: "from_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_links_number",
                table: "links",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_links_path",
                table: "links",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_links_to_node_id",
                table: "links",
                column: "to_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_nodes_code",
                table: "nodes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nodes_location",
                table: "nodes",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_nodes_number",
                table: "nodes",
                column: "number",
                unique: true);

            // What pgRouting walks (Application/RoutingSql): each link once, between its nodes' vertex numbers, with its
            // cost each way per metric. Hours are travel at the link's speed plus, on a border crossing, the dwell in the
            // direction travelled (kept on the crossing, BorderCrossing.Recompute); the same figures as Link.TravelHours.
            migrationBuilder.Sql("""
                CREATE VIEW routing_edges AS
                SELECT l.number AS id, f.number AS source, t.number AS target, l.mode, l.status,
                       l.length_km AS km,
                       CASE WHEN l.speed_kmh > 0 THEN l.length_km / l.speed_kmh ELSE 0 END + COALESCE(c.dwell_hours_a_to_b, 0) AS hours_forward,
                       CASE WHEN l.speed_kmh > 0 THEN l.length_km / l.speed_kmh ELSE 0 END + COALESCE(c.dwell_hours_b_to_a, 0) AS hours_backward,
                       l.length_km * l.cost_usd_per_tonne_km AS usd_forward,
                       l.length_km * l.cost_usd_per_tonne_km AS usd_backward
                FROM links l
                JOIN nodes f ON f.id = l.from_node_id
                JOIN nodes t ON t.id = l.to_node_id
                LEFT JOIN border_crossings c ON c.link_id = l.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS routing_edges;");

            migrationBuilder.DropTable(
                name: "corridors");

            migrationBuilder.DropTable(
                name: "crossing_performance");

            migrationBuilder.DropTable(
                name: "border_crossings");

            migrationBuilder.DropTable(
                name: "links");

            migrationBuilder.DropTable(
                name: "nodes");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pgrouting", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");
        }
    }
}
