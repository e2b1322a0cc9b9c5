using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NonCompliantRecoveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "NonCompliantExpenditures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionReference",
                table: "NonCompliantExpenditures",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByName",
                table: "NonCompliantExpenditures",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NonCompliantRecoveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NonCompliantExpenditureId = table.Column<int>(type: "int", nullable: false),
                    ImplementationYearId = table.Column<int>(type: "int", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NonCompliantRecoveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NonCompliantRecoveries_ImplementationYears_ImplementationYearId",
                        column: x => x.ImplementationYearId,
                        principalTable: "ImplementationYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NonCompliantRecoveries_NonCompliantExpenditures_NonCompliantExpenditureId",
                        column: x => x.NonCompliantExpenditureId,
                        principalTable: "NonCompliantExpenditures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NonCompliantRecoveries_ImplementationYearId",
                table: "NonCompliantRecoveries",
                column: "ImplementationYearId");

            migrationBuilder.CreateIndex(
                name: "IX_NonCompliantRecoveries_NonCompliantExpenditureId",
                table: "NonCompliantRecoveries",
                column: "NonCompliantExpenditureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NonCompliantRecoveries");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "NonCompliantExpenditures");

            migrationBuilder.DropColumn(
                name: "DecisionReference",
                table: "NonCompliantExpenditures");

            migrationBuilder.DropColumn(
                name: "RecordedByName",
                table: "NonCompliantExpenditures");
        }
    }
}
