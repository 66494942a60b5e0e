using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MarriageCoupleKeyFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MarriageRecords_Kind_CoupleKey_Date",
                table: "MarriageRecords");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_CoupleKey_Kind_Date",
                table: "MarriageRecords",
                columns: new[] { "CoupleKey", "Kind", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MarriageRecords_CoupleKey_Kind_Date",
                table: "MarriageRecords");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageRecords_Kind_CoupleKey_Date",
                table: "MarriageRecords",
                columns: new[] { "Kind", "CoupleKey", "Date" },
                unique: true);
        }
    }
}
