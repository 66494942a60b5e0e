using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VeteranConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VeteranConfirmationCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Persons = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranConfirmationCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VeteranConfirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntitlementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeteranConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VeteranConfirmations_VeteranConfirmationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "VeteranConfirmationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VeteranConfirmations_VeteranEntitlements_EntitlementId",
                        column: x => x.EntitlementId,
                        principalTable: "VeteranEntitlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VeteranConfirmationCampaigns_RegionCode",
                table: "VeteranConfirmationCampaigns",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranConfirmationCampaigns_Year_RegionPrefix",
                table: "VeteranConfirmationCampaigns",
                columns: new[] { "Year", "RegionPrefix" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VeteranConfirmations_CampaignId_EntitlementId",
                table: "VeteranConfirmations",
                columns: new[] { "CampaignId", "EntitlementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VeteranConfirmations_CampaignId_Outcome",
                table: "VeteranConfirmations",
                columns: new[] { "CampaignId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_VeteranConfirmations_EntitlementId",
                table: "VeteranConfirmations",
                column: "EntitlementId");

            migrationBuilder.CreateIndex(
                name: "IX_VeteranConfirmations_RegionCode",
                table: "VeteranConfirmations",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VeteranConfirmations");

            migrationBuilder.DropTable(
                name: "VeteranConfirmationCampaigns");
        }
    }
}
