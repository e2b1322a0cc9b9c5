using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementDataStamps : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DataStamp",
                table: "Agreements");
        }
    }
}
