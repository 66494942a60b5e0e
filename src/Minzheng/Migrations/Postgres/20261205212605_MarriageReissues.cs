using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MarriageReissues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnnulmentKind",
                table: "MarriageRecords",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseNumber",
                table: "MarriageRecords",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Court",
                table: "MarriageRecords",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Historical",
                table: "MarriageRecords",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JudgmentDate",
                table: "MarriageRecords",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "MarriageRecords",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MarriageCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    CorrectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NewValue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarriageCorrections_MarriageRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "MarriageRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_MarriageId",
                table: "MarriageRecords",
                column: "MarriageId");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageCorrections_RecordId",
                table: "MarriageCorrections",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageCorrections_RegionCode",
                table: "MarriageCorrections",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarriageCorrections");

            migrationBuilder.DropIndex(
                name: "IX_MarriageRecords_MarriageId",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "AnnulmentKind",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "CaseNumber",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "Court",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "Historical",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "JudgmentDate",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "MarriageRecords");
        }
    }
}
