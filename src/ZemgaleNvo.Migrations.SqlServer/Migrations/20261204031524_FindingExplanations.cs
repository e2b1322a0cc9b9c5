using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FindingExplanations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FindingExplanations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ImplementationYearId = table.Column<int>(type: "int", nullable: false),
                    RuleCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    BudgetLineId = table.Column<int>(type: "int", nullable: true),
                    IndicatorId = table.Column<int>(type: "int", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    WrittenByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    WrittenByName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AcceptedByName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AcceptedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    MoreRequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingExplanations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingExplanations_ImplementationYears_ImplementationYearId",
                        column: x => x.ImplementationYearId,
                        principalTable: "ImplementationYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingExplanations_ImplementationYearId_RuleCode_BudgetLineId_IndicatorId",
                table: "FindingExplanations",
                columns: new[] { "ImplementationYearId", "RuleCode", "BudgetLineId", "IndicatorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingExplanations");
        }
    }
}
