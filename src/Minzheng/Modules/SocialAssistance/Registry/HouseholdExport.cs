using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>The household register as filtered on screen, masked, as a spreadsheet; the export is audited with its filter.</summary>
public static class HouseholdExport
{
    /// <summary>A county's whole register fits; beyond it the filter should be narrower.</summary>
    public const int MaxRows = 100_000;

    public static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(string? name, string? region, string? hukou, string? sort, string? dir,
        HouseholdSearch households, AuditLog audit, CancellationToken ct)
    {
        var found = await households.SearchAsync(new HouseholdFilter(name, region, hukou), new PageRequest(1, MaxRows, sort, dir == "desc"), ct);
        if (found is null)
        {
            return ApiProblems.Validation("region", "region 应为12位区划代码或其2、4、6、9位前缀");
        }

        var rows = found.Items.Select((h, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["户主姓名"] = SpreadsheetText.Safe(h.HeadName),
            ["户主身份证号"] = h.HeadIdNumberMasked,
            ["户籍"] = h.HukouType == "urban" ? "城镇" : "农村",
            ["家庭人口"] = h.MemberCount,
            ["所属区划"] = h.RegionName,
            ["区划代码"] = h.RegionCode,
            ["家庭住址"] = SpreadsheetText.Safe(h.Address),
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: "Household", details: new { kind = "households", name, region, hukou, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "家庭名单", "households.xlsx", ct);
    }
}
