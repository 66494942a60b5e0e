using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>The case list as filtered on screen (ID numbers masked) as a spreadsheet; the export is audited with its filter.</summary>
public static class CaseExport
{
    public const int MaxRows = 100_000;

    public static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(string? status, string? program, string? region, string? due, bool? mine,
        string? name, Guid? householdId, string? sort, string? dir, ClaimsPrincipal user, CaseQueries queries, AuditLog audit, CancellationToken ct)
    {
        var filter = new CaseFilter(status, program, region, due, mine == true ? user.Identity?.Name ?? "-" : null, name, HouseholdId: householdId);
        if (await queries.ListAsync(filter, new PageRequest(1, MaxRows, sort, dir == "desc"), ct) is not { } found)
        {
            return ApiProblems.Validation("query", "region 应为区划代码或其前缀，status 应为案件状态代码");
        }

        var rows = found.Items.Select((c, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["申请人"] = SpreadsheetText.Safe(c.ApplicantName),
            ["身份证号"] = c.ApplicantIdNumberMasked,
            ["申请项目"] = c.ProgramName,
            ["所属区划"] = c.RegionName,
            ["申请日期"] = c.AppliedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["状态"] = c.StatusName,
            ["本步期限"] = c.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: "Case", details: new { kind = "cases", status, program, region, due, name, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "救助申请", "cases.xlsx", ct);
    }
}
