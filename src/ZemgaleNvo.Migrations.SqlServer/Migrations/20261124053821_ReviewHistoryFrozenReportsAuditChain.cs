using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZemgaleNvo.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReviewHistoryFrozenReportsAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "EntityKey",
                table: "AuditTrail",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AddColumn<int>(
                name: "AgreementId",
                table: "AuditTrail",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditTrail",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditTrail",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHead", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FrozenReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgreementId = table.Column<int>(type: "int", nullable: false),
                    YearNumber = table.Column<int>(type: "int", nullable: true),
                    Language = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrozenReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrozenReports_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgreementId = table.Column<int>(type: "int", nullable: false),
                    YearNumber = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    ActivityId = table.Column<int>(type: "int", nullable: true),
                    SpendingEntryId = table.Column<int>(type: "int", nullable: true),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewNotes_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHead",
                columns: new[] { "Id", "LastHash", "LastSequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_AgreementId_Id",
                table: "AuditTrail",
                columns: new[] { "AgreementId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_Sequence",
                table: "AuditTrail",
                column: "Sequence",
                unique: true,
                filter: "[Sequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FrozenReports_AgreementId_YearNumber_Language",
                table: "FrozenReports",
                columns: new[] { "AgreementId", "YearNumber", "Language" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewNotes_AgreementId_YearNumber",
                table: "ReviewNotes",
                columns: new[] { "AgreementId", "YearNumber" });

            // Append-only in the database itself: a chained row can be neither changed nor removed
            // (rows written before the chain existed may be sealed once: their hash is still empty).
            // Through EXEC: CREATE TRIGGER must open its own batch, and a generated script (plain or
            // idempotent, where each statement sits inside IF … BEGIN … END) gives it none. Migrate()
            // ran the bare statement fine; the scripts an operator runs did not parse.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER AuditTrail_NoUpdate ON AuditTrail AFTER UPDATE AS IF EXISTS (SELECT 1 FROM deleted WHERE Hash IS NOT NULL) THROW 51000, ''The audit trail is append-only.'', 1;');");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER AuditTrail_NoDelete ON AuditTrail INSTEAD OF DELETE AS THROW 51000, ''The audit trail is append-only.'', 1;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditTrail_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditTrail_NoDelete;");

            migrationBuilder.DropTable(
                name: "AuditChainHead");

            migrationBuilder.DropTable(
                name: "FrozenReports");

            migrationBuilder.DropTable(
                name: "ReviewNotes");

            migrationBuilder.DropIndex(
                name: "IX_AuditTrail_AgreementId_Id",
                table: "AuditTrail");

            migrationBuilder.DropIndex(
                name: "IX_AuditTrail_Sequence",
                table: "AuditTrail");

            migrationBuilder.DropColumn(
                name: "AgreementId",
                table: "AuditTrail");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditTrail");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditTrail");

            migrationBuilder.AlterColumn<string>(
                name: "EntityKey",
                table: "AuditTrail",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);
        }
    }
}
