using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minzheng.Modules.Administration.Regions;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Tests.Platform.Data;

/// <summary>
/// Upgrading a database is all-or-nothing: a migration that fails puts the database back as it was, and a process
/// killed at any moment of a migration run leaves a database the next start repairs and finishes — on both providers.
/// </summary>
public sealed class MigrationAtomicityTests : IDisposable
{
    // Migration ids differ per provider (each has its own migrations); the names are the same.
    private const string OlderThanAll = "_Initial";
    private const string BeforePublicity = "_PairedSupport";

    private readonly string _data = Directory.CreateTempSubdirectory("minzheng-migrate-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string SqliteFile => Path.Combine(_data, "minzheng.db");

    private sealed class FileDatabase : DatabaseFixture
    {
        public FileDatabase(DatabaseProvider provider, string connectionString)
        {
            Provider = provider;
            ConnectionString = connectionString;
        }

        public override DatabaseProvider Provider { get; }

        public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A database of an older version (up to the migration named <paramref name="migration"/>) holding one record of its own.</summary>
    private static async Task<FileDatabase> OlderDatabaseAsync(DatabaseProvider provider, string connectionString, string migration)
    {
        var database = new FileDatabase(provider, connectionString);
        await using var db = database.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith(migration, StringComparison.Ordinal)), Ct);
        db.Regions.Add(new Region("990000000000", "迁移前的记录", RegionLevel.Province, null));
        await db.SaveChangesAsync(Ct);
        return database;
    }

    /// <param name="killWhileMigrating">kill as soon as the SQLite migration marker appears, whatever the machine's load</param>
    private async Task<(int Exit, string Output)> MigrateAsync(string[] database, TimeSpan? killAfter = null, bool killWhileMigrating = false)
    {
        using var process = Process.Start(AppProcess.StartInfo(["migrate", "--data", _data, .. database]))!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
        }

        while (killWhileMigrating && !process.HasExited)
        {
            if (File.Exists(SqliteFile + ".migrating"))
            {
                process.Kill(entireProcessTree: true);
                break;
            }

            await Task.Delay(5, Ct);
        }

        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }

    private static async Task AssertFullyMigratedWithRecordAsync(FileDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal("迁移前的记录", (await db.Regions.SingleAsync(r => r.Code == "990000000000", Ct)).Name);
        Assert.Equal(0, await db.PublicityPostingsCountAsync(Ct));
    }

    [Fact]
    public async Task Sqlite_FailingMigration_PutsTheDatabaseBackAsItWas()
    {
        var database = await OlderDatabaseAsync(DatabaseProvider.Sqlite, $"Data Source={SqliteFile};Pooling=False", BeforePublicity);
        // A table in the way of a later migration: the one before it applies, then this one fails.
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"InsuranceSubsidyLists\" (\"Id\" INTEGER);", Ct);
        }

        var failed = await MigrateAsync([]);
        Assert.NotEqual(0, failed.Exit);
        Assert.Contains("已恢复到迁移前的状态", failed.Output);

        await using (var db = database.CreateContext())
        {
            Assert.EndsWith(BeforePublicity, (await db.Database.GetAppliedMigrationsAsync(Ct)).Last());
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'PublicityPostings'").SingleAsync(Ct));
            Assert.True(await db.Regions.AnyAsync(r => r.Code == "990000000000", Ct));
        }

        Assert.False(File.Exists(SqliteFile + ".migrating"));
        Assert.False(File.Exists(SqliteFile + ".pre-migrate"));
    }

    [Fact]
    public async Task Sqlite_KilledWhileMigrating_IsRepairedAndFinishedByTheNextStart()
    {
        var template = Path.Combine(_data, "template.db");
        var database = await OlderDatabaseAsync(DatabaseProvider.Sqlite, $"Data Source={template};Pooling=False", OlderThanAll);
        var clock = Stopwatch.StartNew();
        File.Copy(template, SqliteFile);
        Assert.Equal(0, (await MigrateAsync([])).Exit);
        var whole = clock.Elapsed;

        // Kills spread over the run: before, during and after the migrations themselves; and, as a busy machine may shift
        // every timed kill outside them, one the moment the migrations start (fraction 0).
        var interrupted = new List<double>();
        foreach (var fraction in new[] { 0.55, 0.65, 0.75, 0.85, 0.95, 0 })
        {
            File.Delete(SqliteFile);
            File.Copy(template, SqliteFile);
            await MigrateAsync([], fraction > 0 ? whole * fraction : null, killWhileMigrating: fraction == 0);
            if (File.Exists(SqliteFile + ".migrating"))
            {
                interrupted.Add(fraction);
            }

            var again = await MigrateAsync([]);
            Assert.True(again.Exit == 0, $"after a kill at {fraction:P0}: {again.Output}");
            await AssertFullyMigratedWithRecordAsync(new FileDatabase(DatabaseProvider.Sqlite, $"Data Source={SqliteFile};Pooling=False"));
            Assert.Equal("ok", await IntegrityAsync());
            Assert.False(File.Exists(SqliteFile + ".migrating"));
        }

        TestContext.Current.SendDiagnosticMessage($"killed inside the migrations at {string.Join(", ", interrupted)} of {whole.TotalSeconds:0.0} s");
        Assert.NotEmpty(interrupted); // at least one kill landed inside the migrations, so the repair was exercised
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Postgres_KilledWhileMigrating_IsFinishedByTheNextStart()
    {
        static string[] Postgres(string connection) => ["--Database:Provider", "Postgres", "--ConnectionStrings:Postgres", connection];
        var measured = await TestPostgres.CreateDatabaseAsync();
        await OlderDatabaseAsync(DatabaseProvider.Postgres, measured, OlderThanAll);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, (await MigrateAsync(Postgres(measured))).Exit);
        var whole = clock.Elapsed;

        foreach (var fraction in new[] { 0.6, 0.8, 0.95 })
        {
            var connection = await TestPostgres.CreateDatabaseAsync();
            var database = await OlderDatabaseAsync(DatabaseProvider.Postgres, connection, OlderThanAll);
            await MigrateAsync(Postgres(connection), whole * fraction);
            var again = await MigrateAsync(Postgres(connection));
            Assert.True(again.Exit == 0, $"after a kill at {fraction:P0}: {again.Output}");
            await AssertFullyMigratedWithRecordAsync(database);
        }
    }

    private async Task<string?> IntegrityAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={SqliteFile};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}

internal static class MigratedSchema
{
    /// <summary>A table of the last migrations, queried: it exists and holds nothing.</summary>
    public static Task<int> PublicityPostingsCountAsync(this MinzhengDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"PublicityPostings\"").SingleAsync(ct);
}
