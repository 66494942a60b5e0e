using Microsoft.Data.Sqlite;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Data;

/// <summary>
/// Makes a run of SQLite migrations all-or-nothing. Some SQLite schema changes (a table rebuilt to drop a column) run
/// outside any transaction, so a crash inside one left a half-migrated database. Before migrating, the database is
/// copied with SQLite's online backup API beside itself (<c>.pre-migrate</c>), then a marker is written; a failure puts
/// the copy back at once, and a process killed mid-way finds the marker at its next start and puts the copy back then.
/// </summary>
public sealed class SqliteMigrationGuard
{
    private const string FreshDatabase = "fresh";
    private const string CopiedDatabase = "copy";

    private readonly string _database;

    private SqliteMigrationGuard(string database) => _database = database;

    /// <summary>The full path of the database file.</summary>
    public string Database => _database;

    private string Copy => _database + ".pre-migrate";

    private string Marker => _database + ".migrating";

    /// <summary>The guard for a file database; null for an in-memory one (nothing survives a crash to repair).</summary>
    public static SqliteMigrationGuard? For(DatabaseSettings settings) =>
        settings.Provider == DatabaseProvider.Sqlite
        && new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource is { Length: > 0 } file
        && file != ":memory:" && !file.StartsWith("file::memory:", StringComparison.Ordinal)
            ? new SqliteMigrationGuard(Path.GetFullPath(file))
            : null;

    /// <summary>Whether an earlier run was interrupted while migrating (the marker is still there).</summary>
    public bool WasInterrupted => File.Exists(Marker);

    /// <summary>Before the first pending migration: copy the database (when it holds anything), then mark the run.</summary>
    public async Task BeginAsync(bool hasData, CancellationToken ct)
    {
        if (hasData)
        {
            var partial = Copy + ".partial";
            File.Delete(partial);
            await TransferAsync(_database, partial, ct);
            File.Move(partial, Copy, overwrite: true);
        }

        // Written only once the copy is whole: a marker always means "this copy can be put back".
        await using var marker = new FileStream(Marker, FileMode.Create, FileAccess.Write);
        await marker.WriteAsync(System.Text.Encoding.ASCII.GetBytes(hasData ? CopiedDatabase : FreshDatabase), ct);
        marker.Flush(flushToDisk: true);
        PrivateFiles.Restrict(Marker, Copy);
    }

    /// <summary>Puts the database back as it was before the run: the copy, or empty for a database that was new.</summary>
    public async Task RollBackAsync(CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        var hadData = (await File.ReadAllTextAsync(Marker, ct)).Trim() == CopiedDatabase;
        await TransferAsync(hadData ? Copy : ":memory:", _database, ct);
        Complete();
    }

    /// <summary>After the last migration: the copy and the marker go.</summary>
    public void Complete()
    {
        File.Delete(Marker);
        File.Delete(Copy);
    }

    // The online backup API replaces the target's pages inside one write transaction: a copy interrupted half-way
    // leaves the target as it was, and an open reader never sees a half-copied file.
    private static async Task TransferAsync(string from, string to, CancellationToken ct)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString());
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
    }
}
