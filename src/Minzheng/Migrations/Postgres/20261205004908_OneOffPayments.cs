using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOffPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OneOffBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Basis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Programs = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Persons = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("PK_OneOffBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OneOffPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoveredPersons = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidInAdvance = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OneOffPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OneOffPayments_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OneOffBatches_Month_Status",
                table: "OneOffBatches",
                columns: new[] { "Month", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OneOffBatches_RegionCode",
                table: "OneOffBatches",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_OneOffPayments_BatchId_HouseholdId",
                table: "OneOffPayments",
                columns: new[] { "BatchId", "HouseholdId" },
                unique: true,
                filter: "\"BatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OneOffPayments_CaseId",
                table: "OneOffPayments",
                column: "CaseId",
                unique: true,
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OneOffPayments_HouseholdId",
                table: "OneOffPayments",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_OneOffPayments_Program_Month_RegionCode",
                table: "OneOffPayments",
                columns: new[] { "Program", "Month", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_OneOffPayments_RegionCode",
                table: "OneOffPayments",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OneOffBatches");

            migrationBuilder.DropTable(
                name: "OneOffPayments");
        }
    }
}
