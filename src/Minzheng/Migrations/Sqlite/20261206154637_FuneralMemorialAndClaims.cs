using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FuneralMemorialAndClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FuneralMemorialBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BurialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CremationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeceasedName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BookedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveredBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralMemorialBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralMemorialBookings_FuneralFacilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "FuneralFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FuneralWaiverClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralWaiverClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralWaiverClaims_FuneralFacilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "FuneralFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FuneralWaiverClaimLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeeWaiverLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CremationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralWaiverClaimLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralWaiverClaimLines_FuneralFeeWaiverLines_FeeWaiverLineId",
                        column: x => x.FeeWaiverLineId,
                        principalTable: "FuneralFeeWaiverLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FuneralWaiverClaimLines_FuneralWaiverClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "FuneralWaiverClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralMemorialBookings_FacilityId_RequestedOn",
                table: "FuneralMemorialBookings",
                columns: new[] { "FacilityId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralMemorialBookings_PersonKey_Kind_RequestedOn",
                table: "FuneralMemorialBookings",
                columns: new[] { "PersonKey", "Kind", "RequestedOn" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralMemorialBookings_RegionCode",
                table: "FuneralMemorialBookings",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralMemorialBookings_RegionCode_RequestedOn",
                table: "FuneralMemorialBookings",
                columns: new[] { "RegionCode", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralWaiverClaimLines_ClaimId",
                table: "FuneralWaiverClaimLines",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralWaiverClaimLines_FeeWaiverLineId",
                table: "FuneralWaiverClaimLines",
                column: "FeeWaiverLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralWaiverClaimLines_RegionCode",
                table: "FuneralWaiverClaimLines",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralWaiverClaims_FacilityId_Month",
                table: "FuneralWaiverClaims",
                columns: new[] { "FacilityId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralWaiverClaims_RegionCode",
                table: "FuneralWaiverClaims",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FuneralMemorialBookings");

            migrationBuilder.DropTable(
                name: "FuneralWaiverClaimLines");

            migrationBuilder.DropTable(
                name: "FuneralWaiverClaims");
        }
    }
}
