using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;
using Npgsql;

namespace Minzheng.Platform.Operations;

/// <summary>What a backup holds: enough to check a restore (row counts per table, the last migration) and to recognise its keys.</summary>
public sealed record BackupManifest(string Format, string Provider, DateTimeOffset CreatedAt, string? Migration, SortedDictionary<string, long> Tables,
    string KeyFingerprint)
{
    public const string CurrentFormat = "minzheng-backup/1";
    public const string Suffix = ".manifest.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>
/// Backups of the database without its keys: SQLite through its online backup API (consistent while the application
/// runs), PostgreSQL with <c>pg_dump</c> in custom format; each with a manifest beside it. Restores go into an empty
/// target only, need the matching key file, and check every table's row count before saying they are done.
/// </summary>
public sealed class DatabaseBackup(DatabaseSettings settings, IConfiguration configuration, TimeProvider clock)
{
    public const string FilePrefix = "minzheng-";

    public async Task<(string File, BackupManifest Manifest)> BackupAsync(string folder, CancellationToken ct)
    {
        PrivateFiles.EnsureFolder(folder);
        var now = clock.GetUtcNow();
        var file = Path.Combine(folder, $"{FilePrefix}{now:yyyyMMdd-HHmmss}{(settings.Provider == DatabaseProvider.Sqlite ? ".db" : ".pgdump")}");
        if (File.Exists(file))
        {
            throw new OperationException($"备份文件已存在：{file}");
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(settings.ConnectionString);
            await source.OpenAsync(ct);
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                await using var single = target.CreateCommand();
                single.CommandText = "PRAGMA journal_mode = DELETE;"; // one self-contained file, no -wal beside it
                await single.ExecuteNonQueryAsync(ct);
            }

            PrivateFiles.Restrict(file);
        }
        else
        {
            await PostgresTools.RunAsync("pg_dump", settings.ConnectionString, ["--format=custom", "--no-owner", $"--file={file}"], configuration, ct);
            PrivateFiles.Restrict(file);
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, settings.Provider.ToString(), now, await LastMigrationAsync(settings, ct),
            await RowCountsAsync(settings, ct), KeyBundle.Capture(configuration, settings.DataPath, now).Fingerprint);
        PrivateFiles.TryCreate(file + BackupManifest.Suffix, JsonSerializer.Serialize(manifest, BackupManifest.Json));
        return (file, manifest);
    }

    /// <summary>Restores <paramref name="backupFile"/> into this (empty) installation with the keys of <paramref name="keyFile"/>.</summary>
    public async Task<BackupManifest> RestoreAsync(string backupFile, string? keyFile, CancellationToken ct)
    {
        var manifest = ReadManifest(backupFile);
        if (!string.Equals(manifest.Provider, settings.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new OperationException($"该备份来自 {manifest.Provider} 数据库，当前配置为 {settings.Provider}，请改用相同的数据库类型恢复");
        }

        if (string.IsNullOrWhiteSpace(keyFile))
        {
            throw new OperationException("恢复还需要该备份对应的密钥备份文件（--keys <文件>）：数据备份中不含密钥，没有密钥无法解密个人信息");
        }

        var keys = KeyBundle.Read(keyFile);
        if (keys.Fingerprint != manifest.KeyFingerprint)
        {
            throw new OperationException("密钥备份与该数据备份不匹配（指纹不同）：请使用备份时正在使用的密钥备份文件；若之后轮换过密钥，请用轮换前的密钥备份");
        }

        if ((await RowCountsAsync(settings, ct)).Count > 0)
        {
            throw new OperationException("目标数据库不是空的：恢复只写入空的数据库（SQLite 请用新的数据目录，PostgreSQL 请新建空数据库）");
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await using var target = new SqliteConnection(settings.ConnectionString);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        else
        {
            await PostgresTools.RunAsync("pg_restore", settings.ConnectionString, ["--no-owner", "--single-transaction", "--exit-on-error", backupFile], configuration, ct);
        }

        keys.Install(settings.DataPath);
        var restored = await RowCountsAsync(settings, ct);
        var different = manifest.Tables.Where(t => restored.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => t.Key).ToList();
        return different.Count == 0
            ? manifest
            : throw new OperationException($"恢复后的行数与备份清单不一致：{string.Join("、", different)}");
    }

    public static BackupManifest ReadManifest(string backupFile)
    {
        var file = backupFile + BackupManifest.Suffix;
        if (!File.Exists(backupFile) || !File.Exists(file))
        {
            throw new OperationException($"找不到备份文件或其清单：{backupFile}（清单 {Path.GetFileName(file)} 须在同一目录）");
        }

        return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(file), BackupManifest.Json) is { Format: BackupManifest.CurrentFormat } manifest
            ? manifest
            : throw new OperationException($"备份清单格式不对：{file}");
    }

    /// <summary>Rows per table of the database (the empty dictionary for an empty or missing database).</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(DatabaseSettings database, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<string?> LastMigrationAsync(DatabaseSettings database, CancellationToken ct)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__ef_migrations\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static System.Data.Common.DbConnection Open(DatabaseSettings database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);
}
