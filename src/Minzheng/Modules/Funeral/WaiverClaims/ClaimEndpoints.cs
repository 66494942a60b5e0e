using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.WaiverClaims;

/// <summary>Monthly fee-waiver claims to finance: <c>/api/v1/funeral/waiver-claims</c>.</summary>
public static class ClaimEndpoints
{
    public const string ExportKind = "waiver-claim";

    public static void Map(RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/funeral/waiver-claims").WithTags("Funeral").RequireAuthorization(FuneralModule.ReadClaims);
        claims.MapPost("/", Open).WithName("Funeral_OpenWaiverClaim").RequireAuthorization(FuneralModule.Record)
            .WithSummary("建立减免资金月度申报：facilityId（殡仪馆）、month（YYYY-MM，已结束的月份）；收入该殡仪馆截至月末尚未申报的全部减免；同月重复409，无可申报减免422");
        claims.MapGet("/", List).WithName("Funeral_ListWaiverClaims").WithSummary("减免资金申报：status=open|submitted|returned|approved|paid");
        claims.MapGet("/{id:guid}", Get).WithName("Funeral_GetWaiverClaim").WithSummary("申报详情：按项目、按逝者身份的合计，明细（身份证号脱敏），可办理的步骤");
        claims.MapGet("/{id:guid}/cremations/{cremationId:guid}", Record).WithName("Funeral_GetWaiverClaimRecord")
            .WithSummary("申报明细背后的火化记录（只读，身份证号脱敏，不含家属联系方式）：只能查看列入该申报的记录，每次查看记入审计日志；不在申报中答复404");
        claims.MapGet("/{id:guid}/export.xlsx", Export).WithName("Funeral_ExportWaiverClaim").WithSummary("导出申报明细（身份证号脱敏，含合计行），记入审计日志");
        claims.MapPost("/{id:guid}/{action:regex(^(submit|approve|return|pay)$)}", Act).WithName("Funeral_ActOnWaiverClaim")
            .WithSummary("办理申报：submit（殡葬管理员提交）、approve（财政审核通过）、return（退回，须 reason）、pay（登记拨付，须 paidOn、voucherNumber）；状态不符或已办理答复409");
    }

    public static async Task<Results<Created<ClaimRow>, ProblemHttpResult>> Open(ClaimRequest request, ClaimService service, CancellationToken ct) =>
        Answer(await service.OpenAsync(request, ct));

    public static async Task<Ok<List<ClaimRow>>> List(string? status, ClaimService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(status, ct));

    public static async Task<Results<Ok<ClaimDetail>, ProblemHttpResult>> Get(Guid id, ClaimService service, ClaimsPrincipal user, CancellationToken ct) =>
        await service.DetailAsync(id, Memorials.MemorialEndpoints.Roles(user), ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("减免资金申报不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<ClaimRecordView>, ProblemHttpResult>> Record(Guid id, Guid cremationId, ClaimRecords records, CancellationToken ct) =>
        await records.GetAsync(id, cremationId, ct) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("该火化记录不在此减免资金申报中，或申报不在您的管辖范围内");

    public static async Task<Results<Created<ClaimRow>, ProblemHttpResult>> Act(Guid id, string action, ClaimStepRequest? request, ClaimService service,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await service.ActAsync(id, action, request ?? new ClaimStepRequest(null, null, null), Memorials.MemorialEndpoints.Roles(user), ct));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Export(Guid id, ClaimService service, AuditLog audit,
        CancellationToken ct)
    {
        if (await service.DetailAsync(id, [], ct) is not { } d)
        {
            return ApiProblems.NotFound("减免资金申报不存在或不在您的管辖范围内");
        }

        var rows = d.Lines.Select((l, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["逝者"] = SpreadsheetText.Safe(l.Name),
            ["身份证号"] = l.IdNumberMasked,
            ["火化日期"] = l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["逝者身份"] = l.ResidentStatusName,
            ["减免项目"] = l.ItemName,
            ["数量"] = l.Quantity,
            ["金额（元）"] = l.Amount,
        }).Append(new Dictionary<string, object?> { ["序号"] = "合计", ["逝者"] = $"{d.Claim.Cases}例", ["金额（元）"] = d.Claim.Total }).ToList();
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(WaiverClaim), entityId: id.ToString(),
            details: new { kind = ExportKind, month = d.Claim.Month, rows = d.Lines.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, $"减免申报{d.Claim.Month}", $"waiver-claim-{d.Claim.Month}.xlsx", ct);
    }

    private static Results<Created<ClaimRow>, ProblemHttpResult> Answer(FuneralResult<ClaimRow> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created($"/api/v1/funeral/waiver-claims/{result.Value!.Id}", result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
