using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GroupMemberMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "MentorshipMembers",
                type: "TEXT",
                nullable: true);

            // Members of ended mentorships left when they ended; withdrawn members of groups that went on left on their withdrawal.
            migrationBuilder.Sql("UPDATE MentorshipMembers SET LeftOn = (SELECT ClosedOn FROM Mentorships WHERE Mentorships.Id = MentorshipMembers.MentorshipId) WHERE IsCurrent = 0 AND LeftOn IS NULL");
            migrationBuilder.Sql("UPDATE MentorshipMembers SET IsCurrent = 0, LeftOn = (SELECT EndedOn FROM Enrollments WHERE Enrollments.Id = MentorshipMembers.EnrollmentId) WHERE IsCurrent = 1 AND EnrollmentId IN (SELECT Id FROM Enrollments WHERE Status = 'Withdrawn')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "MentorshipMembers");
        }
    }
}
