using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MeetingsByMentorshipAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_MentorshipId_StartsAtUtc",
                table: "Meetings");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MentorshipId_Status_StartsAtUtc",
                table: "Meetings",
                columns: new[] { "MentorshipId", "Status", "StartsAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_MentorshipId_Status_StartsAtUtc",
                table: "Meetings");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MentorshipId_StartsAtUtc",
                table: "Meetings",
                columns: new[] { "MentorshipId", "StartsAtUtc" });
        }
    }
}
