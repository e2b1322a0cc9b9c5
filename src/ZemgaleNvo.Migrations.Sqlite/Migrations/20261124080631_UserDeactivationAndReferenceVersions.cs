using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UserDeactivationAndReferenceVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Regions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_RegistrationNumber",
                table: "Organisations",
                column: "RegistrationNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_RegistrationNumber",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DeactivatedAtUtc",
                table: "AspNetUsers");
        }
    }
}
