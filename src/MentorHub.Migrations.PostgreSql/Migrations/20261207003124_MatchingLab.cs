using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MentorHub.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<string>(
                name: "MatchObjective",
                table: "Programs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "HighestTotal");

            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    RunByUserId = table.Column<string>(type: "text", nullable: false),
                    RunAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WeightCompetency = table.Column<int>(type: "integer", nullable: false),
                    WeightAvailability = table.Column<int>(type: "integer", nullable: false),
                    WeightModality = table.Column<int>(type: "integer", nullable: false),
                    WeightBranch = table.Column<int>(type: "integer", nullable: false),
                    WeightCareerStage = table.Column<int>(type: "integer", nullable: false),
                    BranchRule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MinimumScore = table.Column<int>(type: "integer", nullable: false),
                    Objective = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false)
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
