using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialOrgPublicationChecksAndDraws : Migration
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

            migrationBuilder.CreateTable(
                name: "SocialOrganizationSpotCheckDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Eligible = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectorPool = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationSpotCheckDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizationSpotCheckPicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrawId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Inspectors = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationSpotCheckPicks", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationSpotCheckDraws_AuthorityCode_DrawnOn",
                table: "SocialOrganizationSpotCheckDraws",
                columns: new[] { "AuthorityCode", "DrawnOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationSpotCheckDraws_RegionCode",
                table: "SocialOrganizationSpotCheckDraws",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationSpotCheckPicks_DrawId_OrganizationId",
                table: "SocialOrganizationSpotCheckPicks",
                columns: new[] { "DrawId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationSpotCheckPicks_RegionCode",
                table: "SocialOrganizationSpotCheckPicks",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialOrganizationChecks");

            migrationBuilder.DropTable(
                name: "SocialOrganizationSpotCheckDraws");

            migrationBuilder.DropTable(
                name: "SocialOrganizationSpotCheckPicks");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "SocialOrganizationInspectionCampaigns");
        }
    }
}
