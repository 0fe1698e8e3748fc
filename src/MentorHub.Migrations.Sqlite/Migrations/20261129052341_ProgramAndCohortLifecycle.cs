using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProgramAndCohortLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatusBeforeArchive",
                table: "Programs",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Mentorships",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastNudgedAtUtc",
                table: "Mentorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Cohorts",
                type: "TEXT",
                nullable: true);

            // Mentorships closed before reasons were recorded: a cohort's end, a withdrawal, or something else.
            migrationBuilder.Sql("UPDATE Mentorships SET EndReason = 'CohortCompleted', ClosureReason = NULL WHERE Status = 'Closed' AND ClosureReason = 'Cohort completed.'");
            migrationBuilder.Sql("UPDATE Mentorships SET EndReason = 'MemberWithdrew' WHERE Status = 'Closed' AND EndReason IS NULL AND ClosureReason LIKE '%withdrew%'");
            migrationBuilder.Sql("UPDATE Mentorships SET EndReason = 'Other' WHERE Status = 'Closed' AND EndReason IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatusBeforeArchive",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "LastNudgedAtUtc",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "Cohorts");
        }
    }
}
