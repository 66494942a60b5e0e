using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Funeral : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FuneralFacilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ApprovalDocument = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralFacilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cremations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Gender = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Agricultural = table.Column<bool>(type: "boolean", nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DeathCause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DeathCertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CremationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FuneralHome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    FamilyContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FamilyContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResidentStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    WaiverAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AssistancePrograms = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FindingsOpened = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cremations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cremations_FuneralFacilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "FuneralFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FuneralPlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ForAshes = table.Column<bool>(type: "boolean", nullable: false),
                    SquareMeters = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BuyerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    BuyerIdCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BuyerIdIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BuyerIdMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ContractNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SoldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TenureYears = table.Column<int>(type: "integer", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralPlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralPlots_FuneralFacilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "FuneralFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FuneralFeeWaiverLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    CremationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralFeeWaiverLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralFeeWaiverLines_Cremations_CremationId",
                        column: x => x.CremationId,
                        principalTable: "Cremations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cremations_CremationDate",
                table: "Cremations",
                column: "CremationDate");

            migrationBuilder.CreateIndex(
                name: "IX_Cremations_FacilityId",
                table: "Cremations",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Cremations_IdNumberIndex",
                table: "Cremations",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cremations_RegionCode",
                table: "Cremations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralFacilities_RegionCode",
                table: "FuneralFacilities",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralFacilities_RegionCode_Name",
                table: "FuneralFacilities",
                columns: new[] { "RegionCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralFeeWaiverLines_CremationId_Item",
                table: "FuneralFeeWaiverLines",
                columns: new[] { "CremationId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralFeeWaiverLines_Date",
                table: "FuneralFeeWaiverLines",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralFeeWaiverLines_RegionCode",
                table: "FuneralFeeWaiverLines",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlots_FacilityId_Area_Row_Number",
                table: "FuneralPlots",
                columns: new[] { "FacilityId", "Area", "Row", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlots_RegionCode",
                table: "FuneralPlots",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FuneralFeeWaiverLines");

            migrationBuilder.DropTable(
                name: "FuneralPlots");

            migrationBuilder.DropTable(
                name: "Cremations");

            migrationBuilder.DropTable(
                name: "FuneralFacilities");
        }
    }
}
