using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SocialOrgCorrectionsAndExtensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionItems",
                table: "SocialOrganizationApplications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "SocialOrganizationApplications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CorrectionReceivedOn",
                table: "SocialOrganizationApplications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CorrectionRequestedOn",
                table: "SocialOrganizationApplications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueBeforeExtension",
                table: "SocialOrganizationApplications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedOn",
                table: "SocialOrganizationApplications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "SocialOrganizationApplications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
