using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>The register of old graves: <c>/api/v1/funeral/graves</c>.</summary>
public static class GraveEndpoints
{
    public const string ExportKind = "existing-graves";

    public static void Map(RouteGroupBuilder api)
    {
        var graves = api.MapGroup("/funeral/graves").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        graves.MapPost("/", Register).WithName("Funeral_RegisterGrave")
            .WithSummary("已有坟墓登记：regionCode（本人管辖范围内的村）、location、latitude/longitude（我国境内）、kind（earth|masonry|joint|ashes）、occupantName、occupantIdNumber（选填）、secondOccupantName/secondOccupantIdNumber（选填）、contactName、contactPhone、registeredOn（不晚于今天）");
        graves.MapGet("/", List).WithName("Funeral_ListGraves")
            .WithSummary("已有坟墓：region（乡镇或村）、status=registered|relocated|removed、kind、name（墓主姓名）、from、to（登记日期）；page、pageSize、sort=registered|region|kind|status|name、dir；总数在 X-Total-Count；电话脱敏");
        // The sheet itself is staged and committed through the platform: POST /api/v1/imports?kind=existing-graves.
        graves.MapGet("/template.xlsx", Template).WithName("Funeral_GraveTemplate")
            .WithSummary("已有坟墓批量登记模板（经 POST /api/v1/imports?kind=existing-graves 上传校验，再确认导入）");
        graves.MapGet("/export.xlsx", Export).WithName("Funeral_ExportGraves").WithSummary("导出当前筛选的已有坟墓（身份证号、电话脱敏），记入审计日志");
        graves.MapGet("/{id:guid}", Get).WithName("Funeral_GetGrave").WithSummary("已有坟墓详情（身份证号脱敏）");
        graves.MapPost("/{id:guid}/certificate", Certificate).WithName("Funeral_IssueGraveCertificate")
            .WithSummary("为在册坟墓发放墓穴证（与公墓墓穴证同一编号序列）：issuedOn（选填，默认今天）；已发证或已迁移、平毁答复409");
        graves.MapPost("/{id:guid}/relocation", Relocate).WithName("Funeral_RelocateGrave")
            .WithSummary("登记迁移：on（不早于登记日期、不晚于今天）、reason（construction|into-cemetery|rectification|other，其他须填 note）、burialId（迁入公墓的安葬记录）或 destination、compensation（0至100000元）；已迁移或平毁答复409");
        graves.MapPost("/{id:guid}/removal", Remove).WithName("Funeral_RemoveGrave")
            .WithSummary("登记平毁：on、note；已迁移或平毁答复409");
    }

    public static async Task<FileContentHttpResult> Template(CancellationToken ct)
    {
        var sheet = Platform.Imports.TemplateWorkbook.Sheet("已有坟墓", ExistingGraveImport.Headers,
            ["360482100201", "红光村后山东坡第3排", "29.245612", "115.812034", "土葬坟", "张德福", "", "李秀英", "", "张建国", "13807921234", "2026-11-20"],
            ["360482100201", "红光村祖山", "29.246001", "115.813220", "合葬墓", "王有才", "", "", "", "王小明", "", "2026-11-20"]);
        var types = Platform.Imports.TemplateWorkbook.Sheet("坟墓类型", ["坟墓类型"], [.. Enum.GetValues<GraveKind>().Select(k => new object?[] { ExistingGrave.KindName(k) })]);
        return TypedResults.File(await Platform.Imports.TemplateWorkbook.SaveAsync([sheet, types], ct),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "existing-graves.xlsx");
    }

    public static async Task<Results<Created<GraveRow>, ProblemHttpResult>> Register(GraveRequest request, GraveService service, CancellationToken ct) =>
        Answer(await service.RegisterAsync(request, ct));

    public static async Task<Ok<List<GraveRow>>> List([AsParameters] GraveFilter filter, int? page, int? pageSize, string? sort, string? dir, GraveService service,
        HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await service.PageAsync(filter, PageRequest.NewestFirst(page, pageSize, sort, dir), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<GraveDetail>, ProblemHttpResult>> Get(Guid id, GraveService service, CancellationToken ct) =>
        await service.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("坟墓登记不存在或不在您的管辖范围内");

    public static async Task<Results<Created<GraveRow>, ProblemHttpResult>> Certificate(Guid id, GraveCertificateRequest? request, GraveChanges changes,
        CancellationToken ct) =>
        Answer(await changes.IssueCertificateAsync(id, request ?? new GraveCertificateRequest(null), ct));

    public static async Task<Results<Created<GraveRow>, ProblemHttpResult>> Relocate(Guid id, GraveRelocationRequest request, GraveChanges changes,
        CancellationToken ct) =>
        Answer(await changes.RelocateAsync(id, request, ct));

    public static async Task<Results<Created<GraveRow>, ProblemHttpResult>> Remove(Guid id, GraveRemovalRequest request, GraveChanges changes, CancellationToken ct) =>
        Answer(await changes.RemoveAsync(id, request, ct));

    public static async Task<FileStreamHttpResult> Export([AsParameters] GraveFilter filter, string? sort, string? dir, GraveService service, AuditLog audit,
        Platform.Regions.RegionService regions, CancellationToken ct)
    {
        var found = await service.PageAsync(filter, PageRequest.ForExport(sort, string.IsNullOrEmpty(sort) ? "desc" : dir), ct);
        var names = await regions.NamesOfAsync(found.Items.Select(g => g.RegionCode), ct);
        var rows = found.Items.Select((g, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["所在村"] = names.GetValueOrDefault(g.RegionCode, g.RegionCode),
            ["位置"] = SpreadsheetText.Safe(g.Location),
            ["类型"] = g.KindName,
            ["墓主"] = SpreadsheetText.Safe(g.Occupants),
            ["家属联系人"] = SpreadsheetText.Safe(g.ContactName),
            ["联系电话"] = g.ContactPhoneMasked ?? "",
            ["登记日期"] = g.RegisteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["状态"] = g.StatusName,
            ["墓穴证号"] = g.CertificateNumber ?? "",
            ["迁移（平毁）日期"] = g.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(ExistingGrave),
            details: new { kind = ExportKind, filter.Region, filter.Status, filter.From, filter.To, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "已有坟墓", "existing-graves.xlsx", ct);
    }

    private static Results<Created<GraveRow>, ProblemHttpResult> Answer(FuneralResult<GraveRow> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created($"/api/v1/funeral/graves/{result.Value!.Id}", result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
