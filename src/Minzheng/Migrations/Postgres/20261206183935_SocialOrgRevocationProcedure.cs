using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SocialOrgRevocationProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialOrganizationRevocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    AuthorityCode = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Ground = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponseDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Response = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponseText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationRevocations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationRevocations_OrganizationId",
                table: "SocialOrganizationRevocations",
                column: "OrganizationId",
                unique: true,
                filter: "\"Status\" IN ('Opened', 'Notified', 'Heard')");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationRevocations_RegionCode",
                table: "SocialOrganizationRevocations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationRevocations_Status_ResponseDueOn",
                table: "SocialOrganizationRevocations",
                columns: new[] { "Status", "ResponseDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialOrganizationRevocations");
        }
    }
}
