using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkshopCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Workshops",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Workshops",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "Workshops");
        }
    }
}
