using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>A payroll's lines as filtered on the payroll page, and its unpaid payees, as spreadsheets (ID numbers and accounts masked, audited).</summary>
public static class PayrollExports
{
    public const string LinesKind = "payroll-lines";
    public const string UnpaidKind = "payroll-unpaid";

    /// <param name="lineStatus">The payroll page's name for the status filter; <paramref name="status"/> is the API's.</param>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> LinesAsync(Guid id, string? kind, string? lineStatus, string? status, string? sort,
        string? dir, PayrollQueries queries, PayrollLineQueries lines, AuditLog audit, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } payroll)
        {
            return ApiProblems.NotFound("发放名册不存在或不在您的管辖范围内");
        }

        var count = 0;
        var file = await SpreadsheetFile.XlsxAsync([new XlsxSheet("名册明细", RowsAsync(), Totals: true)], $"payroll-{payroll.Period}-lines.xlsx", ct);
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(Payroll), entityId: id.ToString(),
            details: new { kind = LinesKind, lineKind = kind, status = lineStatus ?? status, rows = count }, ct: ct);
        return file;

        async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> RowsAsync()
        {
            await foreach (var l in lines.StreamAsync(id, kind, lineStatus ?? status, PageRequest.ForExport(sort, dir), ct))
            {
                yield return Line(++count, l);
            }
        }
    }

    private static Dictionary<string, object?> Line(int number, PayrollLineDto l) => new()
    {
        ["序号"] = number,
        ["姓名"] = SpreadsheetText.Safe(l.PersonName),
        ["身份证号"] = l.IdNumberMasked,
        ["所属区划"] = l.RegionName,
        ["月份"] = l.Month,
        ["类型"] = DetailModel.KindName(l.Kind),
        ["保障人数"] = l.CoveredPersons,
        ["金额（元）"] = l.Amount,
        ["开户银行"] = SpreadsheetText.Safe(l.BankName),
        ["银行账号"] = l.BankAccountMasked,
        ["发放状态"] = DetailModel.StatusName(l.Status),
        ["失败原因"] = SpreadsheetText.Safe(l.FailureReason),
        ["金额来源"] = SpreadsheetText.Safe(l.Explanation),
    };

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> UnpaidAsync(Guid id, PayrollQueries queries, PayrollLineQueries lines, AuditLog audit,
        CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } payroll)
        {
            return ApiProblems.NotFound("发放名册不存在或不在您的管辖范围内");
        }

        var (_, payees) = await lines.UnpaidAsync(id, PageRequest.ExportMaxRows, ct);
        var rows = payees.Select((u, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["姓名"] = SpreadsheetText.Safe(u.PersonName),
            ["身份证号"] = u.IdNumberMasked,
            ["所属区划"] = u.RegionName,
            ["净额（元）"] = u.Amount,
            ["说明"] = u.Reason,
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(Payroll), entityId: id.ToString(), details: new { kind = UnpaidKind, rows = payees.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "不在银行文件中的对象", $"payroll-{payroll.Period}-unpaid.xlsx", ct, totals: true);
    }
}
