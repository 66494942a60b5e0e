using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// Reads the audit table for verification as raw values, checking each row's shape itself: a row written past the
/// application (SQLite stores whatever it is given, e.g. an id that is no GUID) is then named as the break instead of
/// failing inside EF's materialiser — which crashed the verify command and logged a stack trace.
/// </summary>
public static class AuditRows
{
    private static readonly string[] Required = ["UserName", "Action", "Outcome", "PreviousHash", "Hash"];
    private static readonly string[] Optional = ["Ip", "EntityType", "EntityId", "RegionCode", "Details"];
    private static readonly string[] Columns = ["Id", "Sequence", "OccurredAt", .. Required, .. Optional];

    /// <summary>Every entry in sequence order; throws <see cref="MalformedAuditRowException"/> at the first row that is not an entry.</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAsync(MinzhengDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", Columns.Select(c => $"\"{c}\""))} FROM \"AuditEntries\" ORDER BY \"Sequence\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            long position = 0;
            var row = new Dictionary<string, object?>(Columns.Length);
            while (await reader.ReadAsync(ct))
            {
                position++;
                for (var i = 0; i < Columns.Length; i++)
                {
                    row[Columns[i]] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                if (Problem(row) is { } problem)
                {
                    throw new MalformedAuditRowException(position, row["Sequence"] as long? ?? position, IdOf(row["Id"]),
                        $"记录格式错误：{problem}（第{position}行，标识 {Show(row["Id"])}）");
                }

                yield return new AuditEntry
                {
                    Id = IdOf(row["Id"])!.Value,
                    Sequence = (long)row["Sequence"]!,
                    OccurredAt = TimeOf(row["OccurredAt"])!.Value,
                    UserName = (string)row["UserName"]!,
                    Ip = (string?)row["Ip"],
                    Action = (string)row["Action"]!,
                    Outcome = (string)row["Outcome"]!,
                    EntityType = (string?)row["EntityType"],
                    EntityId = (string?)row["EntityId"],
                    RegionCode = (string?)row["RegionCode"],
                    Details = (string?)row["Details"],
                    PreviousHash = (string)row["PreviousHash"]!,
                    Hash = (string)row["Hash"]!,
                };
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string? Problem(Dictionary<string, object?> row)
    {
        if (row["Sequence"] is not long)
        {
            return $"序号不是整数（{Show(row["Sequence"])}）";
        }

        if (IdOf(row["Id"]) is null)
        {
            return $"标识不是有效的GUID（{Show(row["Id"])}）";
        }

        if (TimeOf(row["OccurredAt"]) is null)
        {
            return $"时间格式错误（{Show(row["OccurredAt"])}）";
        }

        if (Required.FirstOrDefault(c => row[c] is not string) is { } missing)
        {
            return $"{missing} 应为文本（实际为{Show(row[missing])}）";
        }

        return Optional.FirstOrDefault(c => row[c] is not (null or string)) is { } wrong ? $"{wrong} 应为文本或空（实际为{Show(row[wrong])}）" : null;
    }

    private static Guid? IdOf(object? value) => value switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        _ => null,
    };

    // As the providers store it: SQLite UTC ticks (see SqliteMinzhengDbContext), PostgreSQL timestamptz.
    private static DateTimeOffset? TimeOf(object? value) => value switch
    {
        long ticks when ticks is >= 0 and <= 3155378975999999999 => new DateTimeOffset(ticks, TimeSpan.Zero),
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        DateTimeOffset t => t,
        _ => null,
    };

    private static string Show(object? value) => value switch
    {
        null => "空值",
        byte[] b => $"{b.Length}字节的二进制值",
        string s => s.Length > 40 ? s[..40] + "…" : s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>A row of the audit table that is not an entry at all (see <see cref="AuditRows"/>).</summary>
public sealed class MalformedAuditRowException(long position, long sequence, Guid? id, string message) : Exception(message)
{
    public long Position { get; } = position;
    public long Sequence { get; } = sequence;
    public Guid? Id { get; } = id;
}
