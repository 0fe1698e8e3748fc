using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MatchingLab : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ManagerStaffNumber",
                table: "StaffMembers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MatchMinimumScore",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<string>(
                name: "MatchObjective",
                table: "Programs",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "HighestTotal");

            migrationBuilder.CreateTable(
                name: "MatchQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    DealBreakerBelow = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchQuestions_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RunAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WeightCompetency = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightAvailability = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightModality = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightBranch = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightCareerStage = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MinimumScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionWeightsJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchRuns_AspNetUsers_RunByUserId",
                        column: x => x.RunByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchRuns_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Values = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchAnswers_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchAnswers_MatchQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "MatchQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchAnswers_EnrollmentId_QuestionId",
                table: "MatchAnswers",
                columns: new[] { "EnrollmentId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchAnswers_QuestionId",
                table: "MatchAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchQuestions_ProgramId_SortOrder",
                table: "MatchQuestions",
                columns: new[] { "ProgramId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_CohortId_RunAtUtc",
                table: "MatchRuns",
                columns: new[] { "CohortId", "RunAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_RunByUserId",
                table: "MatchRuns",
                column: "RunByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchAnswers");

            migrationBuilder.DropTable(
                name: "MatchRuns");

            migrationBuilder.DropTable(
                name: "MatchQuestions");

            migrationBuilder.DropColumn(
                name: "ManagerStaffNumber",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "MatchMinimumScore",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "MatchObjective",
                table: "Programs");
        }
    }
}
