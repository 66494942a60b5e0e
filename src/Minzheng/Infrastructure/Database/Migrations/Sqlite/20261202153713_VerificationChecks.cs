using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerificationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_EnrollmentId_Type",
                table: "Findings");

            migrationBuilder.AddColumn<int>(
                name: "Percent",
                table: "ReviewCampaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sample",
                table: "ReviewCampaigns",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "all");

            migrationBuilder.AlterColumn<Guid>(
                name: "EnrollmentId",
                table: "Findings",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<bool>(
                name: "Blocking",
                table: "Findings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "Findings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Findings",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "HouseholdId",
                table: "Findings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecordId",
                table: "Findings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EarlyWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SuggestedProgram = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyWarnings_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EconomicRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RecordDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportBatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EconomicRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoredHouseholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AnnualMedicalExpense = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoredHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoredHouseholds_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffRelatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RelativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RelativeIdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RelativeIdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffRelatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TipOffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReporterCipher = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Investigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Investigator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipOffs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_CaseId_Type",
                table: "Findings",
                columns: new[] { "CaseId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_EnrollmentId_Type_Category",
                table: "Findings",
                columns: new[] { "EnrollmentId", "Type", "Category" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_HouseholdId",
                table: "Findings",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyWarnings_HouseholdId_PersonId_Rule",
                table: "EarlyWarnings",
                columns: new[] { "HouseholdId", "PersonId", "Rule" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyWarnings_RegionCode",
                table: "EarlyWarnings",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyWarnings_Status_DueOn",
                table: "EarlyWarnings",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EconomicRecords_IdNumberIndex",
                table: "EconomicRecords",
                column: "IdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_EconomicRecords_RegionCode",
                table: "EconomicRecords",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredHouseholds_HouseholdId_Category",
                table: "MonitoredHouseholds",
                columns: new[] { "HouseholdId", "Category" },
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredHouseholds_RegionCode",
                table: "MonitoredHouseholds",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_StaffRelatives_RegionCode",
                table: "StaffRelatives",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_StaffRelatives_RelativeIdNumberIndex",
                table: "StaffRelatives",
                column: "RelativeIdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_TipOffs_HouseholdId",
                table: "TipOffs",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_TipOffs_RegionCode",
                table: "TipOffs",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_TipOffs_Status_DueOn",
                table: "TipOffs",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_Findings_Cases_CaseId",
                table: "Findings",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Findings_Cases_CaseId",
                table: "Findings");

            migrationBuilder.DropTable(
                name: "EarlyWarnings");

            migrationBuilder.DropTable(
                name: "EconomicRecords");

            migrationBuilder.DropTable(
                name: "MonitoredHouseholds");

            migrationBuilder.DropTable(
                name: "StaffRelatives");

            migrationBuilder.DropTable(
                name: "TipOffs");

            migrationBuilder.DropIndex(
                name: "IX_Findings_CaseId_Type",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_Findings_EnrollmentId_Type_Category",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_Findings_HouseholdId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Percent",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Sample",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Blocking",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "HouseholdId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "RecordId",
                table: "Findings");

            migrationBuilder.AlterColumn<Guid>(
                name: "EnrollmentId",
                table: "Findings",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_EnrollmentId_Type",
                table: "Findings",
                columns: new[] { "EnrollmentId", "Type" },
                unique: true,
                filter: "\"Status\" = 'Open'");
        }
    }
}
