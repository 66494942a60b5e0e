using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BankAnswersApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BankAnswers",
                columns: table => new
                {
                    PayrollId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankAnswers", x => new { x.PayrollId, x.EnrollmentId });
                });

            // The answers recorded so far move out of the lines: one per transfer (a payroll's enrolment), failed when its
            // lines failed or were re-issued (with the bank's reason), else paid; the lines keep only "re-issued".
            migrationBuilder.Sql("""
                INSERT INTO "BankAnswers" ("PayrollId", "EnrollmentId", "RegionCode", "FailureReason")
                SELECT "PayrollId", "EnrollmentId", MIN("RegionCode"),
                       CASE WHEN MAX(CASE WHEN "Status" IN ('Failed', 'Reissued') THEN 1 ELSE 0 END) = 1
                            THEN COALESCE(MAX("FailureReason"), '银行退回') END
                FROM "PayrollLines" WHERE "Status" IN ('Paid', 'Failed', 'Reissued')
                GROUP BY "PayrollId", "EnrollmentId";
                UPDATE "PayrollLines" SET "Status" = 'Pending' WHERE "Status" IN ('Paid', 'Failed');
                """);

            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "PayrollLines");

            migrationBuilder.AlterTable(
                name: "PayrollLines")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankAnswers");

            migrationBuilder.AlterTable(
                name: "PayrollLines")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "PayrollLines",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }
    }
}
