using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Onboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "WelcomedAtUtc",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);

            // Everyone who had an account before the welcome step existed has been using MentorHub: no welcome for them.
            migrationBuilder.Sql("UPDATE AspNetUsers SET WelcomedAtUtc = CreatedAtUtc WHERE WelcomedAtUtc IS NULL");

            migrationBuilder.CreateTable(
                name: "OrganisationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    DefaultTimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "WelcomedAtUtc",
                table: "AspNetUsers");
        }
    }
}
