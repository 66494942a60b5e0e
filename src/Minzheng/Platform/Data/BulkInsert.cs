using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Minzheng.Platform.Data;

/// <summary>
/// Set-based insert of many new rows in the current transaction, for bulk paths (roster commit): PostgreSQL binary COPY,
/// SQLite one prepared statement. Column names, value conversions and store types come from the EF model, so rows are
/// exactly what SaveChanges would write. It bypasses the SaveChanges interceptors: the caller stamps the rows, has
/// checked their region scope, and records the batch in the audit log.
/// </summary>
public static class BulkInsert
{
    /// <param name="rows">Enumerated once, while they are written: a caller may produce them as it reads its input.</param>
    /// <param name="intoTable">Another table of the same columns (the benchmarks' floor); the entity's own table by default.</param>
    public static async Task InsertAsync<T>(MinzhengDbContext db, IEnumerable<T> rows, CancellationToken ct, string? intoTable = null)
        where T : class
    {
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Resolved once per column, not per value.
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.IsNullable)).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        if (db.Database.IsNpgsql())
        {
            await CopyAsync((NpgsqlConnection)transaction.Connection!, intoTable ?? table.Name, columns, rows, ct);
        }
        else
        {
            await InsertPreparedAsync(transaction, intoTable ?? table.Name, columns, rows, ct);
        }
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool IsNullable);

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns,
        IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        // "character varying(50)" → "character varying": COPY wants the type, not its modifiers.
        var writers = columns.Select(c => (c.Getter, c.Mapping.Converter,
            StoreType: c.Mapping.StoreType.Contains('(', StringComparison.Ordinal) ? c.Mapping.StoreType[..c.Mapping.StoreType.IndexOf('(', StringComparison.Ordinal)] : c.Mapping.StoreType)).ToArray();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var (getter, converter, storeType) in writers)
            {
                var value = getter.GetClrValueUsingContainingEntity(row);
                if (value is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(converter is null ? value : converter.ConvertToProvider(value), storeType, ct);
                }
            }
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task InsertPreparedAsync<T>(DbTransaction transaction, string table, List<Column> columns,
        IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                // The type mapping writes the parameter exactly as EF does (converters, Guid/decimal/date formats).
                command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + i, column.Getter.GetClrValueUsingContainingEntity(row), column.IsNullable));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
