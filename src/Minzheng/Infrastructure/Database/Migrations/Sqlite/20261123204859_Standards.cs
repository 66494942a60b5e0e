using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Standards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Standards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionPrefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Per = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rounding = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SupplementsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CareFull = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CarePartial = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CareNone = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CeilingMultiple = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    AnnualCap = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RatesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Standards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Standards_Program_RegionPrefix_EffectiveFrom",
                table: "Standards",
                columns: new[] { "Program", "RegionPrefix", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Standards");
        }
    }
}
