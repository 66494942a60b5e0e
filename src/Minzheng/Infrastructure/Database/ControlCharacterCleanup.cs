using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Minzheng.Infrastructure.Auditing;
using Minzheng.Infrastructure.Web;

namespace Minzheng.Infrastructure.Database;

/// <summary>
/// Once, with the migration <c>CleanControlCharacters</c>: removes control and text-direction characters that older
/// versions let into text columns (they reached bank files and broke Word exports), and lists every changed row —
/// table, column, key, never the value — in the log and in one audit entry. The audit log itself is never rewritten.
/// </summary>
public sealed class ControlCharacterCleanup(MinzhengDbContext db, DatabaseSettings settings, AuditLog audit, ILogger<ControlCharacterCleanup> log)
{
    public const string Migration = "CleanControlCharacters";

    private static readonly string[] Untouched = [AuditEntryConfiguration.Table, "DataProtectionKeys"];

    // Everything TextRules forbids even in multi-line text (line breaks and tabs stay).
    private static readonly int[] Forbidden = Enumerable.Range(0, 0x20).Where(c => c is not ('\n' or '\r' or '\t'))
        .Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4))
        .Concat([0x200E, 0x200F, 0x061C, 0xFEFF]).ToArray();

    public record Change(string Table, string Column, string Key);

    public async Task<List<Change>> RunAsync(CancellationToken ct)
    {
        var changes = new List<Change>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } t && !Untouched.Contains(t) && e.FindPrimaryKey()?.Properties.Count == 1))
            {
                var table = entity.GetTableName()!;
                var key = entity.FindPrimaryKey()!.Properties[0].GetColumnName();
                foreach (var column in entity.GetProperties().Where(p => p.ClrType == typeof(string) && !p.IsPrimaryKey()).Select(p => p.GetColumnName()).Distinct())
                {
                    changes.AddRange(await CleanColumnAsync(connection, table, key, column, ct));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        foreach (var change in changes)
        {
            log.LogWarning("Removed control characters from {Table}.{Column} where key = {Key}", change.Table, change.Column, change.Key);
        }

        if (changes.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ControlCharactersRemoved, details: new { rows = changes.Count, changes = changes.Take(1000) }, ct: ct);
        }

        return changes;
    }

    private async Task<List<Change>> CleanColumnAsync(DbConnection connection, string table, string key, string column, CancellationToken ct)
    {
        var found = new List<(object Key, string Value)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT \"{key}\", \"{column}\" FROM \"{table}\" WHERE {Condition(column)}";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetValue(0), reader.GetString(1)));
            }
        }

        var changes = new List<Change>();
        foreach (var (id, value) in found)
        {
            await using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE \"{table}\" SET \"{column}\" = @value WHERE \"{key}\" = @key";
            Add(update, "@value", TextRules.Clean(value, multiLine: true));
            Add(update, "@key", id);
            await update.ExecuteNonQueryAsync(ct);
            changes.Add(new Change(table, column, Convert.ToString(id, CultureInfo.InvariantCulture) ?? ""));
        }

        return changes;
    }

    private string Condition(string column)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL text cannot hold NUL, so the class starts at U+0001.
            var regex = new StringBuilder("[");
            foreach (var c in Forbidden.Where(c => c != 0))
            {
                regex.Append(CultureInfo.InvariantCulture, $"\\u{c:X4}");
            }

            return $"\"{column}\" ~ '{regex}]'";
        }

        return string.Join(" OR ", Forbidden.Select(c => $"instr(\"{column}\", char({c})) > 0"));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
