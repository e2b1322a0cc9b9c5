using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailAndDateChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTrail", x => x.Id);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_ImplementationYears_EndNotBeforeStart",
                table: "ImplementationYears",
                sql: "EndDate >= StartDate");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ImplementationYears_NumberFromOne",
                table: "ImplementationYears",
                sql: "Number >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Agreements_EndNotBeforeStart",
                table: "Agreements",
                sql: "PeriodEnd >= PeriodStart");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_AtUtc",
                table: "AuditTrail",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_EntityType_EntityKey",
                table: "AuditTrail",
                columns: new[] { "EntityType", "EntityKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditTrail");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ImplementationYears_EndNotBeforeStart",
                table: "ImplementationYears");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ImplementationYears_NumberFromOne",
                table: "ImplementationYears");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Agreements_EndNotBeforeStart",
                table: "Agreements");
        }
    }
}
