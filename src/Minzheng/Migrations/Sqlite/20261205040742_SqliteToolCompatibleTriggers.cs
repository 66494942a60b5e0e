using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteToolCompatibleTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The statistics triggers are recreated without the INSERT alias that SQLite before 3.35 (Debian 12's
            // sqlite3) cannot parse: operators must be able to open, check and copy the database with that tool.
            foreach (var sql in Minzheng.Modules.SocialAssistance.Reports.EnrollmentGroupTriggers.SqliteDown)
            {
                migrationBuilder.Sql(sql);
            }

            foreach (var sql in Minzheng.Modules.SocialAssistance.Reports.EnrollmentGroupTriggers.SqliteTriggers)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The new triggers do the same work and parse everywhere: nothing to undo.
        }
    }
}
