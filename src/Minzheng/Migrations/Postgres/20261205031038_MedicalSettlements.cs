using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MedicalSettlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsuranceSubsidyLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Premium = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DibaoSubsidy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    NearDibaoSubsidy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Destitute = table.Column<int>(type: "integer", nullable: false),
                    Dibao = table.Column<int>(type: "integer", nullable: false),
                    NearDibao = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsuranceSubsidyLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MedicalSettlementBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Aided = table.Column<int>(type: "integer", nullable: false),
                    TotalCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReimbursedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReimbursementVoucher = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicalSettlementBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsuranceSubsidyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subsidy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsuranceSubsidyEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsuranceSubsidyEntries_InsuranceSubsidyLists_ListId",
                        column: x => x.ListId,
                        principalTable: "InsuranceSubsidyLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MedicalSettlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    SettlementNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Hospital = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PatientName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TotalCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InsurancePaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CriticalIllnessPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InPolicySelfPay = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CalculationJson = table.Column<string>(type: "text", nullable: false),
                    Voided = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicalSettlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MedicalSettlements_MedicalSettlementBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "MedicalSettlementBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceSubsidyEntries_ListId_PersonId",
                table: "InsuranceSubsidyEntries",
                columns: new[] { "ListId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceSubsidyEntries_ListId_RegionCode",
                table: "InsuranceSubsidyEntries",
                columns: new[] { "ListId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceSubsidyEntries_RegionCode",
                table: "InsuranceSubsidyEntries",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceSubsidyLists_RegionCode",
                table: "InsuranceSubsidyLists",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceSubsidyLists_Year_RegionPrefix",
                table: "InsuranceSubsidyLists",
                columns: new[] { "Year", "RegionPrefix" },
                unique: true,
                filter: "\"Status\" <> 'Rejected'");

            migrationBuilder.CreateIndex(
                name: "IX_MedicalSettlementBatches_CreatedAt",
                table: "MedicalSettlementBatches",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MedicalSettlementBatches_RegionCode",
                table: "MedicalSettlementBatches",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MedicalSettlements_BatchId_Row",
                table: "MedicalSettlements",
                columns: new[] { "BatchId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_MedicalSettlements_PersonId_SettledOn",
                table: "MedicalSettlements",
                columns: new[] { "PersonId", "SettledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MedicalSettlements_RegionCode",
                table: "MedicalSettlements",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MedicalSettlements_SettlementNumber",
                table: "MedicalSettlements",
                column: "SettlementNumber",
                unique: true,
                filter: "NOT \"Voided\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsuranceSubsidyEntries");

            migrationBuilder.DropTable(
                name: "MedicalSettlements");

            migrationBuilder.DropTable(
                name: "InsuranceSubsidyLists");

            migrationBuilder.DropTable(
                name: "MedicalSettlementBatches");
        }
    }
}
