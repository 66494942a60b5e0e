using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// Database triggers that refuse UPDATE and DELETE on the audit table, so even SQL outside the application cannot
/// quietly rewrite history (a database owner can still drop the trigger — which the hash chain then exposes).
/// Applied by the migrations of each provider, and put back by <see cref="EnsureAsync"/> on every start.
/// </summary>
public static class AuditProtection
{
    private const string PostgresFunction = """
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'audit log is append-only: % refused', TG_OP;
        END;
        $$ LANGUAGE plpgsql;
        """;

    private const string PostgresNoUpdate = """
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        """;

    private const string PostgresNoTruncate = """
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string PostgresUp = PostgresFunction + "\n" + PostgresNoUpdate + "\n" + PostgresNoTruncate;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_no_update ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;

    private const string SqliteNoUpdate = """
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE refused'); END;
        """;

    private const string SqliteNoDelete = """
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE refused'); END;
        """;

    public const string SqliteUp = SqliteNoUpdate + "\n" + SqliteNoDelete;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_update;
        DROP TRIGGER IF EXISTS audit_entries_no_delete;
        """;

    private static readonly Dictionary<string, string> SqliteTriggers = new()
    {
        ["audit_entries_no_update"] = SqliteNoUpdate,
        ["audit_entries_no_delete"] = SqliteNoDelete,
    };

    private static readonly Dictionary<string, string> PostgresTriggers = new()
    {
        ["audit_entries_no_update"] = PostgresNoUpdate,
        ["audit_entries_no_truncate"] = PostgresNoTruncate,
    };

    /// <summary>
    /// Re-creates the triggers that are missing (and, on PostgreSQL, re-enables disabled ones) after migrations ran.
    /// Returns what was put back, e.g. <c>audit_entries_no_update（已重建）</c>; empty when all was in place.
    /// </summary>
    public static async Task<List<string>> EnsureAsync(MinzhengDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            return db.Database.IsNpgsql() ? await EnsurePostgresAsync(connection, ct) : await EnsureSqliteAsync(connection, ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<List<string>> EnsureSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        var present = await ReadAsync(connection, "SELECT name, 'O' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'", ct);
        var restored = new List<string>();
        foreach (var (name, sql) in SqliteTriggers.Where(t => !present.ContainsKey(t.Key)))
        {
            await ExecuteAsync(connection, sql, ct);
            restored.Add($"{name}（已重建）");
        }

        return restored;
    }

    private static async Task<List<string>> EnsurePostgresAsync(DbConnection connection, CancellationToken ct)
    {
        // tgenabled 'D' = disabled (ALTER TABLE … DISABLE TRIGGER): present but not protecting anything.
        var present = await ReadAsync(connection,
            "SELECT tgname::text, tgenabled::text FROM pg_trigger WHERE tgrelid = '\"AuditEntries\"'::regclass AND NOT tgisinternal", ct);
        var restored = new List<string>();
        foreach (var (name, sql) in PostgresTriggers)
        {
            if (!present.TryGetValue(name, out var enabled))
            {
                await ExecuteAsync(connection, PostgresFunction + "\n" + sql, ct);
                restored.Add($"{name}（已重建）");
            }
            else if (enabled == "D")
            {
                await ExecuteAsync(connection, $"ALTER TABLE \"AuditEntries\" ENABLE TRIGGER {name};", ct);
                restored.Add($"{name}（已重新启用）");
            }
        }

        return restored;
    }

    private static async Task<Dictionary<string, string>> ReadAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
