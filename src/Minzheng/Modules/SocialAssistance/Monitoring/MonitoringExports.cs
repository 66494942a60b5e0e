using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

/// <summary>The monitoring register and the warnings as filtered on screen, as spreadsheets for the township's visits; each export is audited with its filter.</summary>
public static class MonitoringExports
{
    public const string MonitoredKind = "monitored-households";
    public const string WarningsKind = "early-warnings";

    public static async Task<FileStreamHttpResult> MonitoredAsync([AsParameters] MonitoredFilter filter, string? sort, string? dir, MonitoringQueries queries,
        AuditLog audit, CancellationToken ct)
    {
        var found = await queries.MonitoredAsync(filter, PageRequest.ForExport(sort, dir), ct);
        var rows = found.Items.Select((m, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["户主"] = SpreadsheetText.Safe(m.HeadName),
            ["所属区划"] = m.RegionName,
            ["监测类别"] = m.CategoryName,
            ["纳入原因"] = SpreadsheetText.Safe(m.Reason),
            ["近12个月医疗自付（元）"] = m.AnnualMedicalExpense,
            ["纳入日期"] = Day(m.RegisteredOn),
            ["退出日期"] = Day(m.EndedOn),
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(MonitoredHousehold),
            details: new { kind = MonitoredKind, filter.Region, filter.Category, filter.Status, filter.Name, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "监测对象", "monitored-households.xlsx", ct);
    }

    public static async Task<FileStreamHttpResult> WarningsAsync([AsParameters] WarningFilter filter, string? sort, string? dir, MonitoringQueries queries,
        AuditLog audit, CancellationToken ct)
    {
        var found = await queries.WarningsAsync(filter, PageRequest.ForExport(sort, dir), ct);
        var rows = found.Items.Select((w, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["户主"] = SpreadsheetText.Safe(w.HeadName),
            ["所属区划"] = w.RegionName,
            ["预警"] = w.RuleName,
            ["情况"] = SpreadsheetText.Safe(w.Detail),
            ["建议项目"] = w.SuggestedProgramName,
            ["预警日期"] = Day(w.RaisedOn),
            ["核实期限"] = Day(w.DueOn),
            ["状态"] = StatusName(w),
            ["处理说明"] = SpreadsheetText.Safe(w.Note),
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(EarlyWarning),
            details: new { kind = WarningsKind, filter.Region, filter.Status, filter.Rule, filter.Name, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "主动发现清单", "early-warnings.xlsx", ct);
    }

    public static string StatusName(WarningDto w) => w.Status switch
    {
        "referred" => "已转办",
        "dismissed" => "无需救助",
        _ => w.Overdue ? "逾期" : "待核实",
    };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
