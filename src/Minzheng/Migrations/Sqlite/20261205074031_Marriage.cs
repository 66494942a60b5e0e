using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Marriage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DivorceApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    MarriageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleKey = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    PartyAName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PartyAIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PartyBName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PartyBIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoolingOffEnds = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CollectBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    DivorceRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DivorceApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarriageRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartyAName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PartyAIdCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyAIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartyAIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PartyAGender = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PartyABirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PartyBName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PartyBIdCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyBIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartyBIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PartyBGender = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PartyBBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoupleKey = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    MarriageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DissolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DivorceApplications_MarriageId",
                table: "DivorceApplications",
                column: "MarriageId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_DivorceApplications_RegionCode",
                table: "DivorceApplications",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_DivorceApplications_Status_CollectBy",
                table: "DivorceApplications",
                columns: new[] { "Status", "CollectBy" });

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_Kind_CoupleKey_Date",
                table: "MarriageRecords",
                columns: new[] { "Kind", "CoupleKey", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_Kind_Date",
                table: "MarriageRecords",
                columns: new[] { "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_PartyAIdIndex",
                table: "MarriageRecords",
                column: "PartyAIdIndex");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_PartyBIdIndex",
                table: "MarriageRecords",
                column: "PartyBIdIndex");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_RegionCode",
                table: "MarriageRecords",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DivorceApplications");

            migrationBuilder.DropTable(
                name: "MarriageRecords");
        }
    }
}
