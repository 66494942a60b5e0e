using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspendedFrom",
                table: "Enrollments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PayrollLines",
                columns: table => new
                {
                    PayrollId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoveredPersons = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BankAccountCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BankAccountMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AccountHolder = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EnrollmentVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayrollLines", x => new { x.PayrollId, x.EnrollmentId, x.Month, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "Payrolls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourcePayrollId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payrolls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BankFileExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayrollId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankFileExports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankFileExports_Payrolls_PayrollId",
                        column: x => x.PayrollId,
                        principalTable: "Payrolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BankFileExports_PayrollId",
                table: "BankFileExports",
                column: "PayrollId");

            migrationBuilder.CreateIndex(
                name: "IX_BankFileExports_RegionCode",
                table: "BankFileExports",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_PayrollLines_EnrollmentId_Month_Kind",
                table: "PayrollLines",
                columns: new[] { "EnrollmentId", "Month", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PayrollLines_OneRegularPerMonth",
                table: "PayrollLines",
                columns: new[] { "EnrollmentId", "Month" },
                unique: true,
                filter: "\"Kind\" = 'Regular'");

            migrationBuilder.CreateIndex(
                name: "IX_PayrollLines_RegionCode",
                table: "PayrollLines",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Payrolls_IdempotencyKey",
                table: "Payrolls",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payrolls_Program_PeriodStart_Status",
                table: "Payrolls",
                columns: new[] { "Program", "PeriodStart", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Payrolls_RegionCode",
                table: "Payrolls",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankFileExports");

            migrationBuilder.DropTable(
                name: "PayrollLines");

            migrationBuilder.DropTable(
                name: "Payrolls");

            migrationBuilder.DropColumn(
                name: "SuspendedFrom",
                table: "Enrollments");
        }
    }
}
