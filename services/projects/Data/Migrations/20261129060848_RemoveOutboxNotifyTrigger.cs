using Lmc.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lmc.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class RemoveOutboxNotifyTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The NOTIFY trigger serialized commits; the dispatcher is woken in-process now (see OutboxWakeUp).
            migrationBuilder.DropOutboxWakeUpTrigger();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddOutboxWakeUpTrigger();
        }
    }
}
