using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EnrollmentsByCohortAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Enrollments_CohortId_Status",
                table: "Enrollments",
                columns: new[] { "CohortId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrollments_CohortId_Status",
                table: "Enrollments");
        }
    }
}
