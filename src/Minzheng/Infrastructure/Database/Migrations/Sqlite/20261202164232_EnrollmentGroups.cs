using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnrollmentGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnrollmentGroups",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Enrollments = table.Column<int>(type: "INTEGER", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrollmentGroups", x => new { x.RegionCode, x.Program, x.StartMonth, x.EndMonth });
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentGroups_RegionCode",
                table: "EnrollmentGroups",
                column: "RegionCode");

            // The aggregate is kept by triggers on Enrollments (every write path), and filled once from the enrolments
            // already there. A later migration that rebuilds the Enrollments table must create the triggers again.
            foreach (var sql in Features.Reports.EnrollmentGroupTriggers.Sqlite)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Features.Reports.EnrollmentGroupTriggers.SqliteDown)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "EnrollmentGroups");
        }
    }
}
