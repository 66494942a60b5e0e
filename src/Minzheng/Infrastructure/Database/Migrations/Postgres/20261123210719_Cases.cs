using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Postgres
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
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "Enrollments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AuthorisationSigned = table.Column<bool>(type: "boolean", nullable: false),
                    RelativeOfStaff = table.Column<bool>(type: "boolean", nullable: false),
                    RelativeReview = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EmergencyAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvestigatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Investigators = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Findings = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CheckPassed = table.Column<bool>(type: "boolean", nullable: true),
                    CheckNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DemocraticReview = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TownshipApproves = table.Column<bool>(type: "boolean", nullable: true),
                    TownshipOpinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublicityFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenObjections = table.Column<int>(type: "integer", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    CoveredPersons = table.Column<int>(type: "integer", nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CalculationJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    EnrollmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveFund", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: true)
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
