using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FitAnsweredAtUtc",
                table: "MentorshipMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FitNote",
                table: "MentorshipMembers",
                type: "TEXT",
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
