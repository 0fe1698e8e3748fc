using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorHub.Migrations.SqlServer.Migrations
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
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Workshops",
                type: "datetime2",
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
