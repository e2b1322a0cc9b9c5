using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PerformanceIndicatorId",
                table: "Indicators",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PerformanceIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgreementId = table.Column<int>(type: "int", nullable: false),
                    Ordinal = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Qualifier = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceIndicators_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PerformanceIndicatorId = table.Column<int>(type: "int", nullable: false),
                    ImplementationYearId = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                    table.CheckConstraint("CK_IndicatorTargets_NotNegative", "Count >= 0");
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_ImplementationYears_ImplementationYearId",
                        column: x => x.ImplementationYearId,
                        principalTable: "ImplementationYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_PerformanceIndicators_PerformanceIndicatorId",
                        column: x => x.PerformanceIndicatorId,
                        principalTable: "PerformanceIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_PerformanceIndicatorId",
                table: "Indicators",
                column: "PerformanceIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_ImplementationYearId",
                table: "IndicatorTargets",
                column: "ImplementationYearId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_PerformanceIndicatorId_ImplementationYearId",
                table: "IndicatorTargets",
                columns: new[] { "PerformanceIndicatorId", "ImplementationYearId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceIndicators_AgreementId_Ordinal",
                table: "PerformanceIndicators",
                columns: new[] { "AgreementId", "Ordinal" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_PerformanceIndicators_PerformanceIndicatorId",
                table: "Indicators",
                column: "PerformanceIndicatorId",
                principalTable: "PerformanceIndicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_PerformanceIndicators_PerformanceIndicatorId",
                table: "Indicators");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "PerformanceIndicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_PerformanceIndicatorId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PerformanceIndicatorId",
                table: "Indicators");
        }
    }
}
