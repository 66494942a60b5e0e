using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarriageAppointmentDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PartyABirthDate",
                table: "MarriageAppointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyAGender",
                table: "MarriageAppointments",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyAIdType",
                table: "MarriageAppointments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Resident");

            migrationBuilder.AddColumn<string>(
                name: "PartyANationality",
                table: "MarriageAppointments",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PartyBBirthDate",
                table: "MarriageAppointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyBGender",
                table: "MarriageAppointments",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyBIdType",
                table: "MarriageAppointments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Resident");

            migrationBuilder.AddColumn<string>(
                name: "PartyBNationality",
                table: "MarriageAppointments",
                type: "TEXT",
                maxLength: 3,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartyABirthDate",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyAGender",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyAIdType",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyANationality",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyBBirthDate",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyBGender",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyBIdType",
                table: "MarriageAppointments");

            migrationBuilder.DropColumn(
                name: "PartyBNationality",
                table: "MarriageAppointments");
        }
    }
}
