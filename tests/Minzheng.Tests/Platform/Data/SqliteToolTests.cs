using System.Diagnostics;

namespace Minzheng.Tests.Platform.Data;

/// <summary>
/// Operators open, check and copy the database with the distribution's own sqlite3 (Debian 12: 3.40), which must parse
/// every object of the schema — triggers included — of a migrated database with data (issue 23).
/// </summary>
public sealed class SqliteToolTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static async Task<string> Sqlite3Async(string file, string sql)
    {
        using var process = Process.Start(new ProcessStartInfo("sqlite3", [file, sql]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0 && error.Length == 0, $"sqlite3 failed: {error}");
        return output.Trim();
    }

    [Fact]
    public async Task TheSystemSqlite3_ReadsTheMigratedDemoDatabase_AndRunsItsTriggers()
    {
        using var county = await app.ClientAsAsync("county"); // the app has migrated and seeded its file
        Assert.Equal("ok", await Sqlite3Async(app.SqliteFile, "PRAGMA integrity_check;"));
        var before = await Sqlite3Async(app.SqliteFile, "SELECT SUM(\"Enrollments\") || '/' || SUM(\"AmountFen\") FROM \"EnrollmentGroups\";");
        Assert.NotEqual("/", before);
        // An update from the tool fires the statistics triggers it must parse; moving an amount and back leaves the totals as they were.
        var after = await Sqlite3Async(app.SqliteFile, """
            UPDATE "Enrollments" SET "MonthlyAmount" = "MonthlyAmount" + 1 WHERE rowid = (SELECT MIN(rowid) FROM "Enrollments");
            UPDATE "Enrollments" SET "MonthlyAmount" = "MonthlyAmount" - 1 WHERE rowid = (SELECT MIN(rowid) FROM "Enrollments");
            SELECT SUM("Enrollments") || '/' || SUM("AmountFen") FROM "EnrollmentGroups";
            """);
        Assert.Equal(before, after);
        Assert.Contains("enrollment_groups_update", await Sqlite3Async(app.SqliteFile, "SELECT name FROM sqlite_master WHERE type = 'trigger';"));
    }
}
