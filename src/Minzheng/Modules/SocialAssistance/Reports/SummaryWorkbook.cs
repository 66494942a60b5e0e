using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>The assistance summary as a workbook with Chinese headings: the region's totals, then each child region.</summary>
public static class SummaryWorkbook
{
    public static async Task WriteAsync(AssistanceSummary summary, Stream stream, CancellationToken ct)
    {
        var regions = new List<RegionSummary>
        {
            new(summary.RegionCode, summary.RegionName + "（合计）", summary.Programs),
        };
        regions.AddRange(summary.Children.Select(c => c with { Programs = c.Programs.Where(p => p.HasData).ToList() }));
        // No 合计 row: the first rows already are the region's own totals, and the children below add up to them.
        XlsxSheet[] sheets =
        [
            XlsxSheet.Of("救助统计", regions.SelectMany(r => r.Programs.Select(p => Row(r, p, summary)))),
            XlsxSheet.Of("停保原因", regions.SelectMany(r => r.Programs.SelectMany(p => p.CancelledByReason.Select(c => new Dictionary<string, object?>
            {
                ["区划代码"] = r.RegionCode,
                ["区划名称"] = SpreadsheetText.Safe(r.Name),
                ["项目"] = p.Name,
                ["停保原因"] = c.Name,
                ["户数"] = c.Households,
                ["人数"] = c.Persons,
            }))), headers: ["区划代码", "区划名称", "项目", "停保原因", "户数", "人数"]),
        ];
        await XlsxWriter.WriteAsync(stream, sheets, ct);
    }

    private static Dictionary<string, object?> Row(RegionSummary r, ProgramSummary p, AssistanceSummary s) => new()
    {
        ["区划代码"] = r.RegionCode,
        ["区划名称"] = SpreadsheetText.Safe(r.Name),
        ["项目"] = p.Name,
        ["统计期间"] = $"{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd}",
        ["期末在保户数"] = p.Households,
        ["期末在保人数"] = p.Persons,
        ["月保障金额（元）"] = p.MonthlyAmount,
        ["新增户数（户次）"] = p.NewHouseholds,
        ["新增人数（人次）"] = p.NewPersons,
        ["停保户数"] = p.CancelledHouseholds,
        ["停保人数"] = p.CancelledPersons,
        ["本期救助金额（元）"] = p.PeriodAmount,
        ["备用金救助人次"] = p.ReserveFundPersons,
        ["备用金支出（元）"] = p.ReserveFundAmount,
    };
}
