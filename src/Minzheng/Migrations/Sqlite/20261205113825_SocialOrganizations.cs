using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialOrganizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialOrganizationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizationInspectionCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationInspectionCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizationInspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Income = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Expenditure = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    NetAssets = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Staff = table.Column<int>(type: "INTEGER", nullable: true),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RectifyBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationInspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    CreditCodeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupervisingUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Residence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredCapital = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    LegalRepresentativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LegalRepresentativeIdCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalRepresentativeIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LegalRepresentativeIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Decoupling = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecoupledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecouplingReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvaluationGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    EvaluationValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationEvents_Kind_Date",
                table: "SocialOrganizationEvents",
                columns: new[] { "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationEvents_OrganizationId_Date",
                table: "SocialOrganizationEvents",
                columns: new[] { "OrganizationId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationEvents_RegionCode",
                table: "SocialOrganizationEvents",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationInspectionCampaigns_AuthorityCode_Year",
                table: "SocialOrganizationInspectionCampaigns",
                columns: new[] { "AuthorityCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationInspectionCampaigns_RegionCode",
                table: "SocialOrganizationInspectionCampaigns",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationInspections_CampaignId_OrganizationId",
                table: "SocialOrganizationInspections",
                columns: new[] { "CampaignId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationInspections_OrganizationId_Year",
                table: "SocialOrganizationInspections",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationInspections_RegionCode",
                table: "SocialOrganizationInspections",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationInspections_Year_Status",
                table: "SocialOrganizationInspections",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_AuthorityCode_Name",
                table: "SocialOrganizations",
                columns: new[] { "AuthorityCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_CreditCode",
                table: "SocialOrganizations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_LegalRepresentativeIdIndex",
                table: "SocialOrganizations",
                column: "LegalRepresentativeIdIndex");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_RegionCode",
                table: "SocialOrganizations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_Status_EstablishedOn",
                table: "SocialOrganizations",
                columns: new[] { "Status", "EstablishedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialOrganizationEvents");

            migrationBuilder.DropTable(
                name: "SocialOrganizationInspectionCampaigns");

            migrationBuilder.DropTable(
                name: "SocialOrganizationInspections");

            migrationBuilder.DropTable(
                name: "SocialOrganizations");
        }
    }
}
