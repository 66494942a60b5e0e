using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MarriageForeignParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartyAIdType",
                table: "MarriageRecords",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Resident");

            migrationBuilder.AddColumn<string>(
                name: "PartyANationality",
                table: "MarriageRecords",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyBIdType",
                table: "MarriageRecords",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Resident");

            migrationBuilder.AddColumn<string>(
                name: "PartyBNationality",
                table: "MarriageRecords",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            // DissolvedOn was never written before: the day of the divorce or revocation that ended each marriage.
            migrationBuilder.Sql("""
                UPDATE "MarriageRecords" SET "DissolvedOn" = (
                    SELECT MIN(d."Date") FROM "MarriageRecords" AS d
                    WHERE d."MarriageId" = "MarriageRecords"."Id" AND d."Kind" IN ('Divorce', 'Revocation'))
                WHERE "Kind" = 'Marriage' AND "DissolvedOn" IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartyAIdType",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "PartyANationality",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "PartyBIdType",
                table: "MarriageRecords");

            migrationBuilder.DropColumn(
                name: "PartyBNationality",
                table: "MarriageRecords");
        }
    }
}
