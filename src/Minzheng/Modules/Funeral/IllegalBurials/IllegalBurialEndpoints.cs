using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>Illegal burial cases: <c>/api/v1/funeral/illegal-burials</c>.</summary>
public static class IllegalBurialEndpoints
{
    public const string ExportKind = "illegal-burials";

    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/funeral/illegal-burials").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        cases.MapPost("/", Open).WithName("Funeral_OpenIllegalBurial")
            .WithSummary("登记乱埋乱葬案件：kind、foundOn、foundBy（patrol|report|informant）、regionCode（本人管辖范围内的村）、location、latitude/longitude、description、partyName、rectifyBy（不早于发现日期）");
        cases.MapGet("/", List).WithName("Funeral_ListIllegalBurials")
            .WithSummary("乱埋乱葬案件：region（乡镇或村）、status=open|overdue|closed、kind、from、to（发现日期）；page、pageSize、sort=found|due|region|kind|status、dir；总数在 X-Total-Count");
        cases.MapGet("/export.xlsx", Export).WithName("Funeral_ExportIllegalBurials")
            .WithSummary("导出当前筛选的乱埋乱葬案件（与列表同样的 region、status、kind、from、to 筛选；当事人身份证号脱敏），记入审计日志；超过导出行数上限答复422");
        cases.MapGet("/{id:guid}", Get).WithName("Funeral_GetIllegalBurial").WithSummary("乱埋乱葬案件详情");
        cases.MapPost("/{id:guid}/outcome", Close).WithName("Funeral_CloseIllegalBurial")
            .WithSummary("登记处理结果：outcome=rectified|penalised|relocated、on；处罚须 decisionNumber 与 amount（大于0）；迁移须 destination；已结案答复409");
        cases.MapPost("/{id:guid}/notice", Notice).WithName("Funeral_IssueIllegalBurialNotice")
            .WithSummary("向当事人发出限期整改通知书（编号取自文书序列，可打印、扫码核验）：issuedOn（选填，默认今天）、partyName（案件未登记当事人时必填）、partyIdNumber（选填）、rectifyBy（选填，须晚于发出日期）；已发出或已结案答复409");
    }

    public static async Task<Results<Created<IllegalBurialRow>, ProblemHttpResult>> Open(IllegalBurialRequest request, IllegalBurialService service, CancellationToken ct) =>
        Answer(await service.OpenAsync(request, ct));

    public static async Task<Ok<List<IllegalBurialRow>>> List([AsParameters] IllegalBurialFilter filter, int? page, int? pageSize, string? sort, string? dir,
        IllegalBurialService service, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await service.PageAsync(filter, PageRequest.NewestFirst(page, pageSize, sort, dir), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<IllegalBurialDetail>, ProblemHttpResult>> Get(Guid id, IllegalBurialService service, CancellationToken ct) =>
        await service.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("乱埋乱葬案件不存在或不在您的管辖范围内");

    public static async Task<Results<Created<IllegalBurialRow>, ProblemHttpResult>> Close(Guid id, IllegalBurialOutcomeRequest request, IllegalBurialService service,
        CancellationToken ct) =>
        Answer(await service.CloseAsync(id, request, ct));

    public static async Task<Results<Created<IllegalBurialRow>, ProblemHttpResult>> Notice(Guid id, IllegalBurialNoticeRequest? request, IllegalBurialNotices notices,
        CancellationToken ct) =>
        Answer(await notices.IssueAsync(id, request ?? new IllegalBurialNoticeRequest(null, null, null, null), ct));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Export([AsParameters] IllegalBurialFilter filter, string? sort, string? dir,
        IllegalBurialService service, AuditLog audit, Platform.Regions.RegionService regions, CancellationToken ct)
    {
        var found = await service.PageAsync(filter, PageRequest.ForExport(sort, string.IsNullOrEmpty(sort) ? "desc" : dir), ct);
        if (found.Total > found.Items.Count)
        {
            // A cut file would look complete: refuse it and let the clerk narrow the filter (one township, one year).
            return ApiProblems.For(Outcome.Rejected, $"符合条件的案件有{found.Total}起，超过一次导出的上限{PageRequest.ExportMaxRows}起，请按乡镇或发现日期缩小范围后分次导出");
        }

        var names = await regions.NamesOfAsync(found.Items.Select(c => c.RegionCode), ct);
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var rows = found.Items.Select((c, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["所在村"] = names.GetValueOrDefault(c.RegionCode, c.RegionCode),
            ["类型"] = c.KindName,
            ["具体位置"] = SpreadsheetText.Safe(c.Location),
            ["发现日期"] = D(c.FoundOn),
            ["发现方式"] = c.FoundByName,
            ["当事人"] = SpreadsheetText.Safe(c.PartyName ?? ""),
            ["当事人身份证号"] = c.PartyIdMasked ?? "",
            ["限期整改通知书"] = c.NoticeNumber ?? "",
            ["整改期限"] = D(c.RectifyBy),
            ["状态"] = c.StatusName + (c.Overdue ? "（逾期）" : ""),
            ["结案日期"] = D(c.ClosedOn),
            ["罚款金额（元）"] = c.PenaltyAmount,
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(IllegalBurialCase),
            details: new { kind = ExportKind, filter.Region, filter.Status, caseKind = filter.Kind, filter.From, filter.To, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "乱埋乱葬案件", "illegal-burials.xlsx", ct);
    }

    private static Results<Created<IllegalBurialRow>, ProblemHttpResult> Answer(FuneralResult<IllegalBurialRow> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created($"/api/v1/funeral/illegal-burials/{result.Value!.Id}", result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
