using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FuneralBurialsAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FuneralBurials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    PlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    DeceasedName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    CremationId = table.Column<Guid>(type: "uuid", nullable: true),
                    BuriedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralBurials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralBurials_FuneralPlots_PlotId",
                        column: x => x.PlotId,
                        principalTable: "FuneralPlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FuneralIllegalBurialCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FoundBy = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PartyName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RectifyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PenaltyAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralIllegalBurialCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FuneralPlotRenewals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    PlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: false),
                    PreviousExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralPlotRenewals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralPlotRenewals_FuneralPlots_PlotId",
                        column: x => x.PlotId,
                        principalTable: "FuneralPlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralBurials_IdNumberIndex",
                table: "FuneralBurials",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralBurials_PlotId_Slot",
                table: "FuneralBurials",
                columns: new[] { "PlotId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FuneralBurials_RegionCode",
                table: "FuneralBurials",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralIllegalBurialCases_RegionCode",
                table: "FuneralIllegalBurialCases",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralIllegalBurialCases_RegionCode_FoundOn",
                table: "FuneralIllegalBurialCases",
                columns: new[] { "RegionCode", "FoundOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralIllegalBurialCases_Status",
                table: "FuneralIllegalBurialCases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlotRenewals_PlotId",
                table: "FuneralPlotRenewals",
                column: "PlotId");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlotRenewals_RegionCode",
                table: "FuneralPlotRenewals",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FuneralBurials");

            migrationBuilder.DropTable(
                name: "FuneralIllegalBurialCases");

            migrationBuilder.DropTable(
                name: "FuneralPlotRenewals");
        }
    }
}
