using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MatchingLab : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MatchMinimumScore",
                table: "Programs",
                type: "int",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<string>(
                name: "MatchObjective",
                table: "Programs",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "HighestTotal");

            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CohortId = table.Column<int>(type: "int", nullable: false),
                    RunByUserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    RunAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WeightCompetency = table.Column<int>(type: "int", nullable: false),
                    WeightAvailability = table.Column<int>(type: "int", nullable: false),
                    WeightModality = table.Column<int>(type: "int", nullable: false),
                    WeightBranch = table.Column<int>(type: "int", nullable: false),
                    WeightCareerStage = table.Column<int>(type: "int", nullable: false),
                    BranchRule = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MinimumScore = table.Column<int>(type: "int", nullable: false),
                    Objective = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    GroupSize = table.Column<int>(type: "int", nullable: false),
                    ResultJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
                name: "MatchRuns");

            migrationBuilder.DropColumn(
                name: "MatchMinimumScore",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "MatchObjective",
                table: "Programs");
        }
    }
}
