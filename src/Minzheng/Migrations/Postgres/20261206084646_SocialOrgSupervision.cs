using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SocialOrgSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialOrganizationComplaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Complainant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HandledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationComplaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizationDecouplingTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Task = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationDecouplingTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizationListings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    List = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ListedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemovalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationListings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizationPenalties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    AuthorityCode = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FineAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    SuspendedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    SuspendedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizationPenalties", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationComplaints_OrganizationId_ReceivedOn",
                table: "SocialOrganizationComplaints",
                columns: new[] { "OrganizationId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationComplaints_RegionCode",
                table: "SocialOrganizationComplaints",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationDecouplingTasks_CompletedOn",
                table: "SocialOrganizationDecouplingTasks",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationDecouplingTasks_OrganizationId_Task",
                table: "SocialOrganizationDecouplingTasks",
                columns: new[] { "OrganizationId", "Task" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationDecouplingTasks_RegionCode",
                table: "SocialOrganizationDecouplingTasks",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationListings_List_ListedOn",
                table: "SocialOrganizationListings",
                columns: new[] { "List", "ListedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationListings_OrganizationId_List",
                table: "SocialOrganizationListings",
                columns: new[] { "OrganizationId", "List" },
                unique: true,
                filter: "\"RemovedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationListings_RegionCode",
                table: "SocialOrganizationListings",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationPenalties_AuthorityCode_DecisionNumber",
                table: "SocialOrganizationPenalties",
                columns: new[] { "AuthorityCode", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationPenalties_DecidedOn",
                table: "SocialOrganizationPenalties",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationPenalties_OrganizationId_DecidedOn",
                table: "SocialOrganizationPenalties",
                columns: new[] { "OrganizationId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizationPenalties_RegionCode",
                table: "SocialOrganizationPenalties",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialOrganizationComplaints");

            migrationBuilder.DropTable(
                name: "SocialOrganizationDecouplingTasks");

            migrationBuilder.DropTable(
                name: "SocialOrganizationListings");

            migrationBuilder.DropTable(
                name: "SocialOrganizationPenalties");
        }
    }
}
