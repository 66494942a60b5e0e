using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TemporaryAidCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AidPlace",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IndividualAid",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TemporaryCategory",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Cases decided before the categories existed: 先行救助 marks an emergency; all were granted where the 户籍 is.
            migrationBuilder.Sql("""
                UPDATE "Cases" SET "TemporaryCategory" = CASE WHEN "EmergencyAmount" IS NOT NULL THEN 'emergency' ELSE 'expenditure' END,
                    "AidPlace" = 'hukou' WHERE "Program" = 'temporary'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AidPlace",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IndividualAid",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "TemporaryCategory",
                table: "Cases");
        }
    }
}
