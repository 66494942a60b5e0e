using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalculationJson",
                table: "Enrollments",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "Enrollments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuthorisationSigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    RelativeOfStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    RelativeReview = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmergencyAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InvestigatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Investigators = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckPassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    CheckNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DemocraticReview = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TownshipApproves = table.Column<bool>(type: "INTEGER", nullable: true),
                    TownshipOpinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublicityFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicityUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenObjections = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoveredPersons = table.Column<int>(type: "INTEGER", nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CalculationJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Persons_ApplicantPersonId",
                        column: x => x.ApplicantPersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReserveFund",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveFund", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_CaseId_At",
                table: "CaseEvents",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_RegionCode",
                table: "CaseEvents",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ApplicantPersonId",
                table: "Cases",
                column: "ApplicantPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HouseholdId_Program",
                table: "Cases",
                columns: new[] { "HouseholdId", "Program" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RegionCode",
                table: "Cases",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RegionCode_Status_DueOn",
                table: "Cases",
                columns: new[] { "RegionCode", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReserveFund_RegionCode",
                table: "ReserveFund",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReserveFund_RegionCode_Date",
                table: "ReserveFund",
                columns: new[] { "RegionCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseEvents");

            migrationBuilder.DropTable(
                name: "ReserveFund");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropColumn(
                name: "CalculationJson",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "Enrollments");
        }
    }
}
