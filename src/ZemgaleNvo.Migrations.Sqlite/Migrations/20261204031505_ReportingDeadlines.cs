using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportingDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SummaryDueDays",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "YearReportDueDays",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Agreements_DueDaysInRange",
                table: "Agreements",
                sql: "YearReportDueDays BETWEEN 0 AND 365 AND SummaryDueDays BETWEEN 0 AND 365");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Agreements_DueDaysInRange",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "SummaryDueDays",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "YearReportDueDays",
                table: "Agreements");
        }
    }
}
