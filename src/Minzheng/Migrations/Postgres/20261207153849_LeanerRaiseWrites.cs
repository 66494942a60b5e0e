using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeanerRaiseWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EnrollmentEvents_Enrollments_EnrollmentId",
                table: "EnrollmentEvents");

            migrationBuilder.DropIndex(
                name: "IX_VeteranPlacements_RegionCode",
                table: "VeteranPlacements");

            migrationBuilder.DropIndex(
                name: "IX_VeteranEntitlements_RegionCode",
                table: "VeteranEntitlements");

            migrationBuilder.DropIndex(
                name: "IX_StatisticalReports_RegionCode",
                table: "StatisticalReports");

            migrationBuilder.DropIndex(
                name: "IX_ReserveFund_RegionCode",
                table: "ReserveFund");

            migrationBuilder.DropIndex(
                name: "IX_MarriageAppointmentSpecialDays_RegionCode",
                table: "MarriageAppointmentSpecialDays");

            migrationBuilder.DropIndex(
                name: "IX_MarriageAppointmentSlots_RegionCode",
                table: "MarriageAppointmentSlots");

            migrationBuilder.DropIndex(
                name: "IX_MarriageAppointments_RegionCode",
                table: "MarriageAppointments");

            migrationBuilder.DropIndex(
                name: "IX_FuneralPlotReclaims_RegionCode",
                table: "FuneralPlotReclaims");

            migrationBuilder.DropIndex(
                name: "IX_FuneralOfficerSubsidyRosters_RegionCode",
                table: "FuneralOfficerSubsidyRosters");

            migrationBuilder.DropIndex(
                name: "IX_FuneralMemorialBookings_RegionCode",
                table: "FuneralMemorialBookings");

            migrationBuilder.DropIndex(
                name: "IX_FuneralIllegalBurialCases_RegionCode",
                table: "FuneralIllegalBurialCases");

            migrationBuilder.DropIndex(
                name: "IX_FuneralFacilities_RegionCode",
                table: "FuneralFacilities");

            migrationBuilder.DropIndex(
                name: "IX_FuneralExistingGraves_RegionCode",
                table: "FuneralExistingGraves");

            migrationBuilder.DropIndex(
                name: "IX_Enrollments_RegionCode",
                table: "Enrollments");

            migrationBuilder.DropIndex(
                name: "IX_EnrollmentEvents_RegionCode",
                table: "EnrollmentEvents");

            migrationBuilder.DropIndex(
                name: "IX_Cases_RegionCode",
                table: "Cases");

            migrationBuilder.AlterTable(
                name: "VeteranEntitlements")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "VeteranEntitlements")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "IX_VeteranPlacements_RegionCode",
                table: "VeteranPlacements",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranEntitlements_RegionCode",
                table: "VeteranEntitlements",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticalReports_RegionCode",
                table: "StatisticalReports",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReserveFund_RegionCode",
                table: "ReserveFund",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentSpecialDays_RegionCode",
                table: "MarriageAppointmentSpecialDays",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentSlots_RegionCode",
                table: "MarriageAppointmentSlots",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointments_RegionCode",
                table: "MarriageAppointments",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlotReclaims_RegionCode",
                table: "FuneralPlotReclaims",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralOfficerSubsidyRosters_RegionCode",
                table: "FuneralOfficerSubsidyRosters",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralMemorialBookings_RegionCode",
                table: "FuneralMemorialBookings",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralIllegalBurialCases_RegionCode",
                table: "FuneralIllegalBurialCases",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralFacilities_RegionCode",
                table: "FuneralFacilities",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralExistingGraves_RegionCode",
                table: "FuneralExistingGraves",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Enrollments_RegionCode",
                table: "Enrollments",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentEvents_RegionCode",
                table: "EnrollmentEvents",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RegionCode",
                table: "Cases",
                column: "RegionCode");

            migrationBuilder.AddForeignKey(
                name: "FK_EnrollmentEvents_Enrollments_EnrollmentId",
                table: "EnrollmentEvents",
                column: "EnrollmentId",
                principalTable: "Enrollments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
