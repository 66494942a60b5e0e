using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Recalculations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Recalculations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Considered = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    OldMonthlyTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NewMonthlyTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
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
                    table.PrimaryKey("PK_Recalculations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recalculations_Standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "Standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecalculationLines",
                columns: table => new
                {
                    RecalculationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoveredPersons = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OldAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NewAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Skipped = table.Column<bool>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CalculationJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    EnrollmentVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecalculationLines", x => new { x.RecalculationId, x.EnrollmentId });
                    table.ForeignKey(
                        name: "FK_RecalculationLines_Recalculations_RecalculationId",
                        column: x => x.RecalculationId,
                        principalTable: "Recalculations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecalculationLines_RecalculationId_RegionCode",
                table: "RecalculationLines",
                columns: new[] { "RecalculationId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_RecalculationLines_RegionCode",
                table: "RecalculationLines",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Recalculations_RegionCode",
                table: "Recalculations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Recalculations_StandardId_Status",
                table: "Recalculations",
                columns: new[] { "StandardId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecalculationLines");

            migrationBuilder.DropTable(
                name: "Recalculations");
        }
    }
}
