using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>The funeral API (DESIGN §5 "Funeral"): cremation records with the fee waiver, the register, its export and the statistics.</summary>
public static class FuneralEndpoints
{
    public const string ExportKind = "cremations";

    public static RouteGroupBuilder MapFuneral(this RouteGroupBuilder api)
    {
        var funeral = api.MapGroup("/funeral").WithTags("Funeral");
        var cremations = funeral.MapGroup("/cremations").RequireAuthorization(FuneralModule.Record);
        cremations.MapPost("/", Register).WithName("Funeral_RegisterCremation")
            .WithSummary("火化登记：逝者、身份证号、死亡日期、火化日期、殡仪馆（及死亡原因、死亡证明、家属、惠民殡葬减免）；同一身份证号再次登记答复409；在保对象自动生成死亡核查");
        cremations.MapGet("/", List).WithName("Funeral_ListCremations")
            .WithSummary("火化记录：name、region、from、to（火化日期）、funeralHome、waived；page、pageSize、sort=cremated|died|name|region|home|waiver、dir；总数在 X-Total-Count");
        cremations.MapGet("/export.xlsx", Export).WithName("Funeral_ExportCremations").WithSummary("导出当前筛选的火化记录（身份证号脱敏）");
        cremations.MapGet("/{id:guid}", Get).WithName("Funeral_GetCremation").WithSummary("火化记录及减免明细");
        funeral.MapGet("/statistics", Statistics).WithName("Funeral_Statistics").RequireAuthorization(FuneralModule.Read)
            .WithSummary("殡葬统计：按火化日期统计火化数（其中农业人口）、在保对象死亡核查、惠民殡葬减免例数与金额，分月");
        return api;
    }

    /// <summary>Field errors of this module answer 422 with <c>errors</c> keyed by field (DESIGN §5 "Funeral").</summary>
    public static ProblemHttpResult Unprocessable(FieldErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "提交的数据有误",
            Detail = string.Join("；", errors.Messages),
        });

    public static async Task<Results<Created<CreatedCremation>, ProblemHttpResult>> Register(CremationRequest request, CremationService service, CancellationToken ct)
    {
        var result = await service.RegisterAsync(request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/funeral/cremations/{result.Value!.Id}", result.Value),
            Outcome.Invalid => Unprocessable(result.Errors),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Ok<List<CremationRow>>> List([AsParameters] CremationFilter filter, int? page, int? pageSize, string? sort, string? dir,
        FuneralQueries queries, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await queries.PageAsync(filter, PageRequest.NewestFirst(page, pageSize, sort, dir), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<CremationDetail>, ProblemHttpResult>> Get(Guid id, FuneralQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } c
            ? TypedResults.Ok(CremationDetail.Of(c, await queries.WaiverLinesAsync(id, ct)))
            : ApiProblems.NotFound("火化记录不存在或不在您的管辖范围内");

    public static async Task<FileStreamHttpResult> Export([AsParameters] CremationFilter filter, string? sort, string? dir, FuneralQueries queries, AuditLog audit,
        Platform.Regions.RegionService regions, CancellationToken ct)
    {
        var found = await queries.PageAsync(filter, PageRequest.ForExport(sort, string.IsNullOrEmpty(sort) ? "desc" : dir), ct);
        var names = await regions.NamesOfAsync(found.Items.Select(c => c.RegionCode), ct);
        var rows = found.Items.Select((c, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["逝者姓名"] = SpreadsheetText.Safe(c.Name),
            ["身份证号"] = c.IdNumberMasked,
            ["性别"] = c.Gender,
            ["死亡日期"] = c.DeathDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["火化日期"] = c.CremationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["殡仪馆"] = SpreadsheetText.Safe(c.FuneralHome),
            ["户籍区划"] = names.GetValueOrDefault(c.RegionCode, c.RegionCode),
            ["逝者身份"] = c.ResidentStatusName,
            ["减免金额（元）"] = c.WaiverAmount,
            ["死亡核查（条）"] = c.FindingsOpened,
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(Cremation),
            details: new { kind = ExportKind, filter.Region, filter.From, filter.To, filter.Waived, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "火化记录", "cremations.xlsx", ct, totals: true);
    }

    public static async Task<Results<Ok<FuneralStatistics>, ProblemHttpResult>> Statistics(string? region, string? from, string? to, FuneralQueries queries,
        CancellationToken ct)
    {
        var (outcome, value, errors) = await queries.StatisticsAsync(region, from, to, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok(value!),
            Outcome.Invalid => Unprocessable(errors),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }
}

/// <summary>A cremation as the API shows it: ID number masked; the family's phone is shown to the funeral staff who handle the record.</summary>
public sealed record CremationDetail(Guid Id, string Name, string IdNumberMasked, string Gender, DateOnly BirthDate, bool Agricultural, DateOnly DeathDate,
    string? DeathCause, string? DeathCertificateNumber, DateOnly CremationDate, string FuneralHome, Guid? FacilityId, string RegionCode, string? FamilyContactName,
    string? FamilyContactPhone, string ResidentStatus, decimal WaiverAmount, IReadOnlyList<WaiverItem> WaiverItems, IReadOnlyList<string> AssistancePrograms,
    int FindingsOpened)
{
    public static CremationDetail Of(Cremation c, List<FeeWaiverLine> lines) => new(c.Id, c.Name, c.IdNumberMasked, c.Gender == Platform.Privacy.Gender.Male ? "male" : "female",
        c.BirthDate, c.Agricultural, c.DeathDate, c.DeathCause is { } cause ? InputValues.Code(cause) : null, c.DeathCertificateNumber, c.CremationDate, c.FuneralHome,
        c.FacilityId, c.RegionCode, c.FamilyContactName, c.FamilyContactPhone, c.ResidentStatus, c.WaiverAmount,
        [.. lines.Select(l => new WaiverItem(l.Item, FeeWaiverRules.ItemName(l.Item), l.Quantity, l.Amount))],
        c.AssistancePrograms.Length == 0 ? [] : c.AssistancePrograms.Split(','), c.FindingsOpened);
}
