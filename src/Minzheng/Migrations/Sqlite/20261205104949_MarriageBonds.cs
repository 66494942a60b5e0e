using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarriageBonds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MarriageBonds",
                columns: table => new
                {
                    PersonIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MarriageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageBonds", x => x.PersonIndex);
                    table.ForeignKey(
                        name: "FK_MarriageBonds_MarriageRecords_MarriageId",
                        column: x => x.MarriageId,
                        principalTable: "MarriageRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MarriageBonds_MarriageId",
                table: "MarriageBonds",
                column: "MarriageId");

            // Marriages in force before this migration bind their parties too.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "MarriageBonds" ("PersonIndex", "MarriageId", "RegionCode")
                SELECT m."PartyAIdIndex", m."Id", m."RegionCode" FROM "MarriageRecords" m
                WHERE m."Kind" = 'Marriage' AND NOT EXISTS (SELECT 1 FROM "MarriageRecords" d
                    WHERE d."MarriageId" = m."Id" AND d."Kind" IN ('Divorce', 'Revocation'));
                """);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "MarriageBonds" ("PersonIndex", "MarriageId", "RegionCode")
                SELECT m."PartyBIdIndex", m."Id", m."RegionCode" FROM "MarriageRecords" m
                WHERE m."Kind" = 'Marriage' AND NOT EXISTS (SELECT 1 FROM "MarriageRecords" d
                    WHERE d."MarriageId" = m."Id" AND d."Kind" IN ('Divorce', 'Revocation'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarriageBonds");
        }
    }
}
