using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberResponsiveness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RemindedAtUtc",
                table: "MentorshipMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSeenAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemindedAtUtc",
                table: "MentorshipMembers");

            migrationBuilder.DropColumn(
                name: "LastSeenAtUtc",
                table: "AspNetUsers");
        }
    }
}
