using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MatchMinimumScoreAndObjective : Migration
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

            migrationBuilder.AddColumn<int>(
                name: "MatchObjective",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MatchMinimumScore",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "MatchObjective",
                table: "Programs");
        }
    }
}
