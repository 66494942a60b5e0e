using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarriageAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MarriageAppointmentHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    PersonIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageAppointmentHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarriageAppointmentRegistries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DaysAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageAppointmentRegistries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarriageAppointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SlotStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: true),
                    PartyAName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PartyAIdCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyAIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartyAIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PartyBName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PartyBIdCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyBIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartyBIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageAppointments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarriageAppointmentSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageAppointmentSlots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarriageAppointmentSpecialDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExtraCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageAppointmentSpecialDays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentHolds_AppointmentId",
                table: "MarriageAppointmentHolds",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentHolds_PersonIndex_Date",
                table: "MarriageAppointmentHolds",
                columns: new[] { "PersonIndex", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentHolds_RegionCode",
                table: "MarriageAppointmentHolds",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentRegistries_RegionCode",
                table: "MarriageAppointmentRegistries",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointments_Code",
                table: "MarriageAppointments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointments_Date",
                table: "MarriageAppointments",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointments_RegionCode",
                table: "MarriageAppointments",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointments_RegionCode_Date_SlotStart_Place",
                table: "MarriageAppointments",
                columns: new[] { "RegionCode", "Date", "SlotStart", "Place" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentSlots_RegionCode",
                table: "MarriageAppointmentSlots",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentSlots_RegionCode_Start",
                table: "MarriageAppointmentSlots",
                columns: new[] { "RegionCode", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentSpecialDays_RegionCode",
                table: "MarriageAppointmentSpecialDays",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageAppointmentSpecialDays_RegionCode_Date",
                table: "MarriageAppointmentSpecialDays",
                columns: new[] { "RegionCode", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarriageAppointmentHolds");

            migrationBuilder.DropTable(
                name: "MarriageAppointmentRegistries");

            migrationBuilder.DropTable(
                name: "MarriageAppointments");

            migrationBuilder.DropTable(
                name: "MarriageAppointmentSlots");

            migrationBuilder.DropTable(
                name: "MarriageAppointmentSpecialDays");
        }
    }
}
