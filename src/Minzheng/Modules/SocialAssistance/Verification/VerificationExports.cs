using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>
/// The verification lists as filtered on screen, as spreadsheets: findings, tip-offs (never who reported), the relatives
/// register. ID numbers stay masked; each export is audited with its filter.
/// </summary>
public static class VerificationExports
{
    public const string FindingsKind = "findings";
    public const string TipOffsKind = "tip-offs";
    public const string RelativesKind = "staff-relatives-register";

    public static async Task<FileStreamHttpResult> FindingsAsync(string? type, string? region, string? status, string? name, string? program, string? sort,
        string? dir, FindingService findings, AuditLog audit, CancellationToken ct)
    {
        var found = await findings.PageAsync(new FindingQuery(type, region, status, Name: name, Program: program), PageRequest.ForExport(sort, dir), ct);
        var rows = found.Items.Select((f, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["核查类型"] = FindingService.Types.GetValueOrDefault(f.Type, f.Type),
            ["姓名"] = SpreadsheetText.Safe(f.PersonName),
            ["身份证号"] = f.IdNumberMasked,
            ["与保障对象关系"] = f.IsBeneficiary ? "本人" : "家庭成员",
            ["区划代码"] = f.RegionCode,
            ["项目"] = f.ProgramName + (f.CaseId is null ? "" : "（在办申请）"),
            ["死亡日期"] = Day(f.DeathDate),
            ["依据"] = SpreadsheetText.Safe(f.Evidence),
            ["死亡后已发（元）"] = f.PaidAfterDeath,
            ["状态"] = FindingStatusName(f.Status),
            ["处理说明"] = SpreadsheetText.Safe(f.Note),
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(Finding), details: new { kind = FindingsKind, type, status, region, name, program, rows = found.Items.Count },
            ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "核查发现", "findings.xlsx", ct, totals: true);
    }

    public static async Task<FileStreamHttpResult> TipOffsAsync([AsParameters] TipOffFilter filter, string? sort, string? dir, TipOffService tipOffs, AuditLog audit,
        CancellationToken ct)
    {
        var found = await tipOffs.PageAsync(filter, PageRequest.ForExport(sort, dir), ct);
        var rows = found.Items.Select((t, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["受理日期"] = Day(t.ReceivedOn),
            ["渠道"] = t.ChannelName,
            ["所属区划"] = t.RegionName,
            ["被举报人"] = SpreadsheetText.Safe(t.SubjectName),
            ["举报内容"] = SpreadsheetText.Safe(t.Content),
            ["办理期限"] = Day(t.DueOn),
            ["状态"] = t.Overdue ? "逾期" : t.StatusName,
            ["核查结论"] = t.ResultName,
            ["办结日期"] = Day(t.ConcludedOn),
            ["实名举报"] = t.Anonymous ? "否" : "是",
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(TipOff),
            details: new { kind = TipOffsKind, filter.Region, filter.Overdue, filter.Status, filter.Channel, filter.Subject, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "举报", "tip-offs.xlsx", ct);
    }

    public static async Task<FileStreamHttpResult> RelativesAsync(string? region, string? name, string? status, string? sort, string? dir, RelativeRegister register,
        AuditLog audit, CancellationToken ct)
    {
        var found = await register.PageAsync(region, name, status, PageRequest.ForExport(sort, dir), ct);
        var rows = found.Items.Select((e, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["所属区划"] = e.RegionName,
            ["干部姓名"] = SpreadsheetText.Safe(e.StaffName),
            ["职务"] = SpreadsheetText.Safe(e.Position),
            ["亲属姓名"] = SpreadsheetText.Safe(e.RelativeName),
            ["亲属身份证号"] = e.RelativeIdNumberMasked,
            ["与干部关系"] = e.Relationship,
            ["比对命中"] = e.Hits,
            ["待核实"] = e.OpenHits,
            ["状态"] = e.EndedOn is { } ended ? $"已撤销 {Day(ended)}" : "在册",
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(StaffRelative), details: new { kind = RelativesKind, region, name, status, rows = found.Items.Count },
            ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "近亲属备案", "staff-relatives.xlsx", ct);
    }

    public static string FindingStatusName(string status) => status switch
    {
        "confirmed" => "已确认",
        "dismissed" => "已排除",
        _ => "待处理",
    };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
