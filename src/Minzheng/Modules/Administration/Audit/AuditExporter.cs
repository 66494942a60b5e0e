using System.Globalization;
using MiniExcelLibs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Audit;

/// <summary>Exports the filtered log as xlsx with Chinese headings; every text cell is neutralised against formula injection.</summary>
public sealed class AuditExporter(AuditQuery query, AuditLog log)
{
    public const int MaxRows = 200_000;

    public async Task<byte[]> ExportAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var e in query.StreamAsync(filter).WithCancellation(ct))
        {
            if (rows.Count >= MaxRows)
            {
                break;
            }

            rows.Add(new Dictionary<string, object?>
            {
                ["序号"] = e.Sequence,
                ["时间（北京时间）"] = e.OccurredAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["用户"] = SpreadsheetText.Safe(e.UserName),
                ["来源IP"] = SpreadsheetText.Safe(e.Ip),
                ["操作"] = SpreadsheetText.Safe(e.Action),
                ["结果"] = e.Outcome == AuditOutcome.Success ? "成功" : "失败",
                ["对象类型"] = SpreadsheetText.Safe(e.EntityType),
                ["对象标识"] = SpreadsheetText.Safe(e.EntityId),
                ["区划"] = SpreadsheetText.Safe(e.RegionCode),
                ["详情"] = SpreadsheetText.Safe(AuditValues.Summarize(e.Action, e.EntityType, e.Details).Text),
                ["哈希"] = e.Hash,
            });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "审计日志", cancellationToken: ct);
        await log.RecordAsync(AuditActions.AuditExported, details: new { filter, rows = rows.Count }, ct: ct);
        return stream.ToArray();
    }
}
