using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSeenAtUtc",
                table: "AspNetUsers",
                type: "datetime2",
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
