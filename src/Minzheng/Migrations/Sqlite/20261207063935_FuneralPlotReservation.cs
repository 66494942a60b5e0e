using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FuneralPlotReservation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BuyerRegionCode",
                table: "FuneralPlots",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReservedOn",
                table: "FuneralPlots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReservedUntil",
                table: "FuneralPlots",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BuyerRegionCode",
                table: "FuneralPlots");

            migrationBuilder.DropColumn(
                name: "ReservedOn",
                table: "FuneralPlots");

            migrationBuilder.DropColumn(
                name: "ReservedUntil",
                table: "FuneralPlots");
        }
    }
}
