using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FuneralGravesAndOfficers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FuneralExistingGraves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    Longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OccupantName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OccupantIdCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OccupantIdIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OccupantIdMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    SecondOccupantName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SecondOccupantIdCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SecondOccupantIdIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SecondOccupantIdMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BurialId = table.Column<Guid>(type: "uuid", nullable: true),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Compensation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralExistingGraves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralExistingGraves_FuneralBurials_BurialId",
                        column: x => x.BurialId,
                        principalTable: "FuneralBurials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FuneralInformationOfficers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AppointedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralInformationOfficers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FuneralOfficerSubsidyRosters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AnnualStandard = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    GeneratedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralOfficerSubsidyRosters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FuneralOfficerSubsidyLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RosterId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    AnnualStandard = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralOfficerSubsidyLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralOfficerSubsidyLines_FuneralInformationOfficers_Offic~",
                        column: x => x.OfficerId,
                        principalTable: "FuneralInformationOfficers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FuneralOfficerSubsidyLines_FuneralOfficerSubsidyRosters_Ros~",
                        column: x => x.RosterId,
                        principalTable: "FuneralOfficerSubsidyRosters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralExistingGraves_BurialId",
                table: "FuneralExistingGraves",
                column: "BurialId");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralExistingGraves_OccupantIdIndex",
                table: "FuneralExistingGraves",
                column: "OccupantIdIndex");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralExistingGraves_RegionCode",
                table: "FuneralExistingGraves",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralExistingGraves_RegionCode_RegisteredOn",
                table: "FuneralExistingGraves",
                columns: new[] { "RegionCode", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralExistingGraves_Status",
                table: "FuneralExistingGraves",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralInformationOfficers_AppointedOn",
                table: "FuneralInformationOfficers",
                column: "AppointedOn");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralInformationOfficers_RegionCode",
                table: "FuneralInformationOfficers",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralInformationOfficers_RegionCode_IdNumberIndex",
                table: "FuneralInformationOfficers",
                columns: new[] { "RegionCode", "IdNumberIndex" },
                unique: true,
                filter: "\"Active\"");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyLines_OfficerId_Year",
                table: "FuneralOfficerSubsidyLines",
                columns: new[] { "OfficerId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyLines_PaidOn",
                table: "FuneralOfficerSubsidyLines",
                column: "PaidOn");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyLines_RegionCode",
                table: "FuneralOfficerSubsidyLines",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyLines_RosterId",
                table: "FuneralOfficerSubsidyLines",
                column: "RosterId");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyRosters_RegionCode",
                table: "FuneralOfficerSubsidyRosters",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyRosters_RegionCode_Year",
                table: "FuneralOfficerSubsidyRosters",
                columns: new[] { "RegionCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FuneralExistingGraves");

            migrationBuilder.DropTable(
                name: "FuneralOfficerSubsidyLines");

            migrationBuilder.DropTable(
                name: "FuneralInformationOfficers");

            migrationBuilder.DropTable(
                name: "FuneralOfficerSubsidyRosters");
        }
    }
}
