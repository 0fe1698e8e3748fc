using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FitCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fit",
                table: "MentorshipMembers",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FitAnsweredAtUtc",
                table: "MentorshipMembers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FitNote",
                table: "MentorshipMembers",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fit",
                table: "MentorshipMembers");

            migrationBuilder.DropColumn(
                name: "FitAnsweredAtUtc",
                table: "MentorshipMembers");

            migrationBuilder.DropColumn(
                name: "FitNote",
                table: "MentorshipMembers");
        }
    }
}
