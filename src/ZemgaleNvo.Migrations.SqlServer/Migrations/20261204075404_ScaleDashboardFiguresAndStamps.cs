using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.SqlServer.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AgreementFigures",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "int", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false),
                    RegionSortKey = table.Column<byte[]>(type: "varbinary(1024)", maxLength: 1024, nullable: false),
                    PerformerSortKey = table.Column<byte[]>(type: "varbinary(1024)", maxLength: 1024, nullable: false),
                    PlannedCents = table.Column<long>(type: "bigint", nullable: false),
                    ActualCents = table.Column<long>(type: "bigint", nullable: false),
                    ExecutionPermille = table.Column<int>(type: "int", nullable: true),
                    Errors = table.Column<int>(type: "int", nullable: false),
                    Warnings = table.Column<int>(type: "int", nullable: false),
                    LastChangeAuditId = table.Column<long>(type: "bigint", nullable: true),
                    LastChangeAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastChangeBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SummaryDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SummaryAwaitingSubmission = table.Column<bool>(type: "bit", nullable: false),
                    WaitingSince = table.Column<DateOnly>(type: "date", nullable: true)
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
                    AgreementId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    PlannedCents = table.Column<long>(type: "bigint", nullable: false),
                    ActualCents = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AwaitingSubmission = table.Column<bool>(type: "bit", nullable: false)
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
