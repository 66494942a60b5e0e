using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>The comparison as a workbook: every difference (ID numbers masked, names formula-safe), then the totals per township and per programme.</summary>
public static class ComparisonExport
{
    public static Task<FileStreamHttpResult> XlsxAsync(ComparisonReport report, CancellationToken ct) => SpreadsheetFile.XlsxAsync(Sheets(report), FileName(report), ct);

    public static string FileName(ComparisonReport report) => $"payroll-{report.Period}-comparison.xlsx";

    public static IReadOnlyList<XlsxSheet> Sheets(ComparisonReport report) =>
        [
            XlsxSheet.Of("差异清单", report.Differences.Select(Difference), headers: DifferenceHeaders),
            XlsxSheet.Of("按乡镇汇总", [.. report.Townships.Select(t => Totals("乡镇（街道）", t.Name, t.Old, t.Ours, report.OldPersonsGiven)),
                Totals("乡镇（街道）", "合计", report.Old, report.Ours, report.OldPersonsGiven)]),
            XlsxSheet.Of("按项目汇总", report.Programs.Select(p => p.Ours is null
                ? Totals("救助项目", $"{p.ProgramName}（未比对）", p.Old, null, report.OldPersonsGiven)
                : Totals("救助项目", p.ProgramName, p.Old, p.Ours, report.OldPersonsGiven))),
        ];

    private static readonly string[] DifferenceHeaders =
        ["序号", "差异类型", "姓名", "身份证号", "所属区划", "原系统行号", "原系统金额（元）", "本系统金额（元）", "差额（元）", "说明"];

    private static Dictionary<string, object?> Difference(ComparisonDifference d, int index) => new()
    {
        ["序号"] = index + 1,
        ["差异类型"] = d.KindName,
        ["姓名"] = SpreadsheetText.Safe(d.Name),
        ["身份证号"] = d.IdNumberMasked,
        ["所属区划"] = d.RegionName,
        ["原系统行号"] = d.Row,
        ["原系统金额（元）"] = d.OldAmount,
        ["本系统金额（元）"] = d.OurAmount,
        ["差额（元）"] = d.Difference,
        ["说明"] = d.Note,
    };

    /// <param name="personsGiven">Whether the old list gave 保障人数: without it the old persons (and their difference) are left empty.</param>
    private static Dictionary<string, object?> Totals(string header, string name, Figures old, Figures? ours, bool personsGiven) => new()
    {
        [header] = name,
        ["原系统户数"] = old.Households,
        ["原系统人数"] = personsGiven ? old.Persons : null,
        ["原系统金额（元）"] = old.Amount,
        ["本系统户数"] = ours?.Households,
        ["本系统人数"] = ours?.Persons,
        ["本系统金额（元）"] = ours?.Amount,
        ["户数差"] = ours is null ? null : ours.Households - old.Households,
        ["人数差"] = ours is null || !personsGiven ? null : ours.Persons - old.Persons,
        ["金额差（元）"] = ours is null ? null : ours.Amount - old.Amount,
    };
}
