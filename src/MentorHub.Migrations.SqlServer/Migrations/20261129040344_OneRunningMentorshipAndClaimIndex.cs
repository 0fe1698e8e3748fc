using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OneRunningMentorshipAndClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "MentorshipMembers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Members of running mentorships are current; those of closed ones are not (before the index that relies on it).
            migrationBuilder.Sql("UPDATE MentorshipMembers SET IsCurrent = CASE WHEN MentorshipId IN (SELECT Id FROM Mentorships WHERE Status = 'Closed') THEN 0 ELSE 1 END");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ClaimToken",
                table: "Notifications",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_MentorshipMembers_OneRunningMentorship",
                table: "MentorshipMembers",
                column: "EnrollmentId",
                unique: true,
                filter: "[IsCurrent] = 1 AND [Role] <> 'Mentor'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ClaimToken",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_MentorshipMembers_OneRunningMentorship",
                table: "MentorshipMembers");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "MentorshipMembers");
        }
    }
}
