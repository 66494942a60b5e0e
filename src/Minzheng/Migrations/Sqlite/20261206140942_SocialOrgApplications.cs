using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialOrgApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CouncilSize",
                table: "SocialOrganizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IndividualMembers",
                table: "SocialOrganizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitMembers",
                table: "SocialOrganizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SocialOrganizationApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganizationKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    CreditCodeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SupervisingUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Residence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredCapital = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RepresentativeIdCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RepresentativeIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RepresentativeIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    IndividualMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    CouncilSize = table.Column<int>(type: "INTEGER", nullable: true),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationApplications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationApplications_Kind_ReceivedOn",
                table: "SocialOrganizationApplications",
                columns: new[] { "Kind", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationApplications_OrganizationId",
                table: "SocialOrganizationApplications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationApplications_RegionCode",
                table: "SocialOrganizationApplications",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationApplications_Status_DueOn",
                table: "SocialOrganizationApplications",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialOrganizationApplications");

            migrationBuilder.DropColumn(
                name: "CouncilSize",
                table: "SocialOrganizations");

            migrationBuilder.DropColumn(
                name: "IndividualMembers",
                table: "SocialOrganizations");

            migrationBuilder.DropColumn(
                name: "UnitMembers",
                table: "SocialOrganizations");
        }
    }
}
