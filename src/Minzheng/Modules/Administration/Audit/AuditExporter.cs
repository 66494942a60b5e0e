using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Audit;

/// <summary>
/// Exports the filtered log as xlsx with Chinese headings; every text cell is neutralised against formula injection.
/// Entries stream from the database into a temporary file (<see cref="XlsxWriter"/>), so 200,000 of them are never
/// held in memory at once.
/// </summary>
public sealed class AuditExporter(AuditQuery query, AuditLog log)
{
    public const int MaxRows = 200_000;

    /// <summary>The workbook in a temporary file that is deleted when the stream is closed.</summary>
    public async Task<FileStream> ExportAsync(AuditFilter filter, CancellationToken ct)
    {
        var count = 0;
        var file = await SpreadsheetFile.TempAsync([new XlsxSheet("审计日志", RowsAsync(filter, ct))], ct);
        await log.RecordAsync(AuditActions.AuditExported, details: new { filter, rows = count }, ct: ct);
        return file;

        async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> RowsAsync(AuditFilter f, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            await foreach (var e in query.StreamAsync(f).WithCancellation(token))
            {
                if (count >= MaxRows)
                {
                    yield break;
                }

                count++;
                yield return new Dictionary<string, object?>
                {
                    ["序号"] = e.Sequence,
                    ["时间（北京时间）"] = e.OccurredAt,
                    ["用户"] = e.UserName,
                    ["来源IP"] = e.Ip,
                    ["操作"] = e.Action,
                    ["结果"] = e.Outcome == AuditOutcome.Success ? "成功" : "失败",
                    ["对象类型"] = e.EntityType,
                    ["对象标识"] = e.EntityId,
                    ["区划"] = e.RegionCode,
                    ["详情"] = AuditValues.Summarize(e.Action, e.EntityType, e.Details).Text,
                    ["哈希"] = e.Hash,
                };
            }
        }
    }
}
