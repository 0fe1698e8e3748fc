using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MenteeChoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WeightMenteeChoice",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<int>(
                name: "WeightMenteeChoice",
                table: "MatchRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<string>(
                name: "RankedMentors",
                table: "Enrollments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChoiceMode",
                table: "Cohorts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "RequestDays",
                table: "Cohorts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "ShortlistSize",
                table: "Cohorts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "MentorRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    MenteeEnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorEnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MentorshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Enrollments_MenteeEnrollmentId",
                        column: x => x.MenteeEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Enrollments_MentorEnrollmentId",
                        column: x => x.MentorEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_CohortId_Status",
                table: "MentorRequests",
                columns: new[] { "CohortId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_MenteeEnrollmentId",
                table: "MentorRequests",
                column: "MenteeEnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_MentorEnrollmentId_Status",
                table: "MentorRequests",
                columns: new[] { "MentorEnrollmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_MentorshipId",
                table: "MentorRequests",
                column: "MentorshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentorRequests");

            migrationBuilder.DropColumn(
                name: "WeightMenteeChoice",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "WeightMenteeChoice",
                table: "MatchRuns");

            migrationBuilder.DropColumn(
                name: "RankedMentors",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "ChoiceMode",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "RequestDays",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "ShortlistSize",
                table: "Cohorts");
        }
    }
}
