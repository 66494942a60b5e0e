using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialOrgPublicationAndChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "SocialOrganizationInspectionCampaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SocialOrganizationChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Inspectors = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationChecks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationChecks_CheckedOn",
                table: "SocialOrganizationChecks",
                column: "CheckedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationChecks_OrganizationId_CheckedOn",
                table: "SocialOrganizationChecks",
                columns: new[] { "OrganizationId", "CheckedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationChecks_RegionCode",
                table: "SocialOrganizationChecks",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialOrganizationChecks");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "SocialOrganizationInspectionCampaigns");
        }
    }
}
