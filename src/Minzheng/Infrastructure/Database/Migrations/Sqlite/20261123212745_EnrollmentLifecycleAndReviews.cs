using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnrollmentLifecycleAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnrollmentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OldAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NewAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CoveredPersons = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrollmentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnrollmentEvents_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    RegionPrefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    NewAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Months = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewItems_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewItems_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentEvents_EnrollmentId_At",
                table: "EnrollmentEvents",
                columns: new[] { "EnrollmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentEvents_RegionCode",
                table: "EnrollmentEvents",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentEvents_RegionCode_Kind_EffectiveMonth",
                table: "EnrollmentEvents",
                columns: new[] { "RegionCode", "Kind", "EffectiveMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCampaigns_RegionCode",
                table: "ReviewCampaigns",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_CampaignId_EnrollmentId",
                table: "ReviewItems",
                columns: new[] { "CampaignId", "EnrollmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_CampaignId_RegionCode_Outcome",
                table: "ReviewItems",
                columns: new[] { "CampaignId", "RegionCode", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_EnrollmentId",
                table: "ReviewItems",
                column: "EnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_RegionCode",
                table: "ReviewItems",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnrollmentEvents");

            migrationBuilder.DropTable(
                name: "ReviewItems");

            migrationBuilder.DropTable(
                name: "ReviewCampaigns");
        }
    }
}
