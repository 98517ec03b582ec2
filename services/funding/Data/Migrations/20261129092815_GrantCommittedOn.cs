using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Funding.Data.Migrations
{
    /// <inheritdoc />
    public partial class GrantCommittedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "committed_on",
                table: "grants",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "committed_on",
                table: "grants");
        }
    }
}
