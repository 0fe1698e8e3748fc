using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMatchConstraints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchConstraints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    MenteeEnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorEnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchConstraints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchConstraints_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchConstraints_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchConstraints_Enrollments_MenteeEnrollmentId",
                        column: x => x.MenteeEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchConstraints_Enrollments_MentorEnrollmentId",
                        column: x => x.MentorEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchConstraints_CohortId_MenteeEnrollmentId_MentorEnrollmentId",
                table: "MatchConstraints",
                columns: new[] { "CohortId", "MenteeEnrollmentId", "MentorEnrollmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchConstraints_CreatedByUserId",
                table: "MatchConstraints",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchConstraints_MenteeEnrollmentId",
                table: "MatchConstraints",
                column: "MenteeEnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchConstraints_MentorEnrollmentId",
                table: "MatchConstraints",
                column: "MentorEnrollmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchConstraints");
        }
    }
}
