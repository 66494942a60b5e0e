using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialOrgClockAndFuneralNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionItems",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CorrectionReceivedOn",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CorrectionRequestedOn",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueBeforeExtension",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedOn",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "SocialOrganizationApplications",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoticeNumber",
                table: "FuneralIllegalBurialCases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NoticedOn",
                table: "FuneralIllegalBurialCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyIdCipher",
                table: "FuneralIllegalBurialCases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyIdIndex",
                table: "FuneralIllegalBurialCases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyIdMasked",
                table: "FuneralIllegalBurialCases",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralIllegalBurialCases_PartyIdIndex",
                table: "FuneralIllegalBurialCases",
                column: "PartyIdIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FuneralIllegalBurialCases_PartyIdIndex",
                table: "FuneralIllegalBurialCases");

            migrationBuilder.DropColumn(
                name: "CorrectionItems",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "CorrectionReceivedOn",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "CorrectionRequestedOn",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "DueBeforeExtension",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "ExtendedOn",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "NoticeNumber",
                table: "FuneralIllegalBurialCases");

            migrationBuilder.DropColumn(
                name: "NoticedOn",
                table: "FuneralIllegalBurialCases");

            migrationBuilder.DropColumn(
                name: "PartyIdCipher",
                table: "FuneralIllegalBurialCases");

            migrationBuilder.DropColumn(
                name: "PartyIdIndex",
                table: "FuneralIllegalBurialCases");

            migrationBuilder.DropColumn(
                name: "PartyIdMasked",
                table: "FuneralIllegalBurialCases");
        }
    }
}
