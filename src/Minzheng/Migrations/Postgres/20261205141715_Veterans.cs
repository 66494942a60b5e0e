using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Veterans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VeteranEntitlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Rural = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisabilityGrade = table.Column<int>(type: "integer", nullable: true),
                    DisabilityNature = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    EnlistedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstClassMerits = table.Column<int>(type: "integer", nullable: false),
                    SecondClassMerits = table.Column<int>(type: "integer", nullable: false),
                    ThirdClassMerits = table.Column<int>(type: "integer", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StartMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EnrollmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    StandardId = table.Column<Guid>(type: "uuid", nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    FuneralAid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CalculationJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranEntitlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VeteranEntitlements_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VeteranPlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Nco = table.Column<bool>(type: "boolean", nullable: false),
                    EnlistedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Path = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DischargePayment = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Employer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Grounds = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranPlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VeteranPlacements_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VeteranStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisabilityGrade = table.Column<int>(type: "integer", nullable: true),
                    DisabilityNature = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    EffectiveMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    NationalAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    LocalAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PerYear = table.Column<bool>(type: "boolean", nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BackPay = table.Column<bool>(type: "boolean", nullable: false),
                    Adjusted = table.Column<int>(type: "integer", nullable: false),
                    Enrolled = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VeteranVisitCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Occasion = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Gift = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Persons = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranVisitCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VeteranVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntitlementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Gift = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VisitedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VeteranVisits_VeteranEntitlements_EntitlementId",
                        column: x => x.EntitlementId,
                        principalTable: "VeteranEntitlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VeteranVisits_VeteranVisitCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "VeteranVisitCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VeteranEntitlements_EnrollmentId",
                table: "VeteranEntitlements",
                column: "EnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranEntitlements_PersonId_Category",
                table: "VeteranEntitlements",
                columns: new[] { "PersonId", "Category" },
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranEntitlements_RegionCode",
                table: "VeteranEntitlements",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranEntitlements_RegionCode_Category_Status",
                table: "VeteranEntitlements",
                columns: new[] { "RegionCode", "Category", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VeteranPlacements_PersonId_DischargedOn",
                table: "VeteranPlacements",
                columns: new[] { "PersonId", "DischargedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VeteranPlacements_RegionCode",
                table: "VeteranPlacements",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranPlacements_RegionCode_DischargedOn",
                table: "VeteranPlacements",
                columns: new[] { "RegionCode", "DischargedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VeteranStandards_Category_DisabilityGrade_DisabilityNature_~",
                table: "VeteranStandards",
                columns: new[] { "Category", "DisabilityGrade", "DisabilityNature", "EffectiveMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_VeteranStandards_RegionCode",
                table: "VeteranStandards",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranVisitCampaigns_RegionCode",
                table: "VeteranVisitCampaigns",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranVisits_CampaignId_EntitlementId",
                table: "VeteranVisits",
                columns: new[] { "CampaignId", "EntitlementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VeteranVisits_EntitlementId",
                table: "VeteranVisits",
                column: "EntitlementId");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranVisits_RegionCode",
                table: "VeteranVisits",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VeteranPlacements");

            migrationBuilder.DropTable(
                name: "VeteranStandards");

            migrationBuilder.DropTable(
                name: "VeteranVisits");

            migrationBuilder.DropTable(
                name: "VeteranEntitlements");

            migrationBuilder.DropTable(
                name: "VeteranVisitCampaigns");
        }
    }
}
