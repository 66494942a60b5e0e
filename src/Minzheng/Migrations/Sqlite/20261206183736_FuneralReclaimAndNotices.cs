using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FuneralReclaimAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FuneralBurials_IdNumberIndex",
                table: "FuneralBurials");

            migrationBuilder.DropIndex(
                name: "IX_FuneralBurials_PlotId_Slot",
                table: "FuneralBurials");

            migrationBuilder.AddColumn<DateOnly>(
                name: "MovedOutOn",
                table: "FuneralBurials",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FuneralPlotReclaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    PlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NoticedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    HolderIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SoldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    RemainsPlace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RemainsMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FuneralPlotReclaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FuneralPlotReclaims_FuneralPlots_PlotId",
                        column: x => x.PlotId,
                        principalTable: "FuneralPlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FuneralBurials_IdNumberIndex",
                table: "FuneralBurials",
                column: "IdNumberIndex",
                unique: true,
                filter: "\"MovedOutOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralBurials_PlotId_Slot",
                table: "FuneralBurials",
                columns: new[] { "PlotId", "Slot" },
                unique: true,
                filter: "\"MovedOutOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlotReclaims_PlotId",
                table: "FuneralPlotReclaims",
                column: "PlotId",
                unique: true,
                filter: "\"Status\" = 'Noticed'");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlotReclaims_RegionCode",
                table: "FuneralPlotReclaims",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FuneralPlotReclaims_RegionCode_Deadline",
                table: "FuneralPlotReclaims",
                columns: new[] { "RegionCode", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FuneralPlotReclaims");

            migrationBuilder.DropIndex(
                name: "IX_FuneralBurials_IdNumberIndex",
                table: "FuneralBurials");

            migrationBuilder.DropIndex(
                name: "IX_FuneralBurials_PlotId_Slot",
                table: "FuneralBurials");

            migrationBuilder.DropColumn(
                name: "MovedOutOn",
                table: "FuneralBurials");

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
        }
    }
}
