using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleDashboardFiguresAndStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DataStamp",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AgreementFigures",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionSortKey = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    PerformerSortKey = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    PlannedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ExecutionPermille = table.Column<int>(type: "INTEGER", nullable: true),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    LastChangeAuditId = table.Column<long>(type: "INTEGER", nullable: true),
                    LastChangeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastChangeBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SummaryDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SummaryAwaitingSubmission = table.Column<bool>(type: "INTEGER", nullable: false),
                    WaitingSince = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementFigures", x => x.AgreementId);
                    table.ForeignKey(
                        name: "FK_AgreementFigures_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearFigures",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PlannedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualCents = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AwaitingSubmission = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearFigures", x => new { x.AgreementId, x.Number });
                    table.ForeignKey(
                        name: "FK_YearFigures_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_YearFigures_AwaitingSubmission_DueOn",
                table: "YearFigures",
                columns: new[] { "AwaitingSubmission", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementFigures");

            migrationBuilder.DropTable(
                name: "YearFigures");

            migrationBuilder.DropColumn(
                name: "DataStamp",
                table: "Agreements");
        }
    }
}
