using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <param name="Matched">Death lists only: records whose person is in an active enrolment (or a member of an enrolled household).</param>
public sealed record ImportedCount(int Imported, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Matched = null);

public static class ImportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(AssistancePolicies.ImportRosters);
        // Bearer-token API: CSRF does not apply (the UI cookie is SameSite=Strict and the page has its own token).
        imports.MapPost("/", Stage).WithName("Imports_Stage").DisableAntiforgery()
            .WithSummary("上传花名册（.xlsx 或 UTF-8/GBK .csv）并校验，返回逐行错误");
        imports.MapGet("/{id:guid}", Get).WithName("Imports_Get");
        imports.MapGet("/{id:guid}/errors.csv", ErrorReport).WithName("Imports_ErrorReport").WithSummary("导入批次的全部错误（CSV 错误报告）");
        imports.MapPost("/{id:guid}/commit", Commit).WithName("Imports_Commit").WithSummary("确认导入：全部成功或全部不写入（skipInvalid=true 跳过错误行）");
        imports.MapGet("/templates/assistance-roster.xlsx", Template).WithName("Imports_Template").WithSummary("花名册模板");
        imports.MapGet("/templates/member-roster.xlsx", MemberTemplate).WithName("Imports_MemberTemplate").WithSummary("家庭成员花名册模板");
        imports.MapGet("/templates/{kind}.xlsx", CheckListTemplate).WithName("Imports_CheckListTemplate")
            .WithSummary("核查名单模板：death-records、economic-records、staff-relatives");
        return api;
    }

    public static async Task<Results<Ok<StagedImport>, ProblemHttpResult>> Stage(
        string? kind, IFormFile? file, ImportService imports, CancellationToken ct)
    {
        if (kind is null || !ImportService.Kinds.Contains(kind))
        {
            return ApiProblems.Problem(400, $"kind 应为 {string.Join(" 或 ", ImportService.Kinds)}");
        }

        try
        {
            return TypedResults.Ok(await imports.StageUploadAsync(kind, file, ct));
        }
        catch (TooManyImportErrorsException ex)
        {
            var problem = new ProblemDetails { Status = 400, Title = ApiProblems.ChineseTitle(400), Detail = ex.Message };
            ex.Errors.AddTo(problem, imports.ShownErrors, stopped: true);
            return TypedResults.Problem(problem);
        }
        catch (UnreadableFileException ex)
        {
            return ApiProblems.Problem(400, ex.Message);
        }
    }

    public static async Task<Results<Ok<StagedImport>, ProblemHttpResult>> Get(Guid id, ImportService imports, CancellationToken ct) =>
        await imports.GetAsync(id, ct) is { } staged ? TypedResults.Ok(staged) : ApiProblems.NotFound("导入批次不存在或不在您的管辖范围内");

    /// <summary>Every error staging found (the answers show the first 200), formula-safe CSV; region-scoped like the batch.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ErrorReport(Guid id, ImportService imports, CancellationToken ct) =>
        await imports.GetErrorsAsync(id, ct) is { } found
            ? TypedResults.File(ImportErrorList.ToCsv(found.Errors), "text/csv; charset=utf-8", $"import-errors-{id}.csv")
            : ApiProblems.NotFound("导入批次不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<ImportedCount>, ProblemHttpResult>> Commit(Guid id, bool? skipInvalid, ImportService imports, CancellationToken ct)
    {
        var (outcome, imported, errors, matched) = await imports.CommitAsync(id, skipInvalid == true, ct);
        return outcome switch
        {
            CommitOutcome.Committed => TypedResults.Ok(new ImportedCount(imported, matched)),
            CommitOutcome.NotFound => ApiProblems.NotFound("导入批次不存在或不在您的管辖范围内"),
            CommitOutcome.AlreadyCommitted => ApiProblems.Conflict($"该批次已经导入（{imported}行），不能重复导入"),
            CommitOutcome.Invalid => InvalidRows(errors, imports.ShownErrors),
        };
    }

    private static ProblemHttpResult InvalidRows(ImportErrorList errors, int shown)
    {
        var stopped = errors.Count >= errors.Limit;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = ApiProblems.ChineseTitle(422),
            Detail = $"{(stopped ? "超过" : "有")}{errors.Count}处错误，未写入任何数据；请修正后重新上传，或使用 skipInvalid=true 只导入正确的行",
        };
        errors.AddTo(problem, shown, stopped);
        return TypedResults.Problem(problem);
    }

    private static readonly Dictionary<string, (string Sheet, string[] Headers, string[] Example)> CheckListTemplates = new()
    {
        [Verification.DeathRecordImport.Kind] = ("死亡名单", Verification.DeathRecordImport.Headers, ["11010519491231002X", "张三", "2026-05-01", "火化"]),
        [Verification.CheckListImport.EconomicKind] = ("核对数据", Verification.CheckListImport.EconomicHeaders,
            ["11010519491231002X", "张三", "车辆", "赣G12345 小型轿车", "", "2026-05-01", "公安交管"]),
        [Verification.CheckListImport.RelativesKind] = ("近亲属备案", Verification.CheckListImport.RelativeHeaders,
            ["360482100201", "王五", "村委会主任", "张三", "11010519491231002X", "配偶"]),
    };

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CheckListTemplate(string kind, CancellationToken ct)
    {
        if (!CheckListTemplates.TryGetValue(kind, out var t))
        {
            return ApiProblems.NotFound($"没有“{kind}”模板");
        }

        var sheet = TemplateWorkbook.Sheet(t.Sheet, t.Headers, [.. t.Example]);
        return TypedResults.File(await TemplateWorkbook.SaveAsync([sheet], ct), XlsxType, $"{kind}.xlsx");
    }

    public static async Task<FileContentHttpResult> MemberTemplate(CancellationToken ct)
    {
        object?[][] examples =
        [
            ["11010519491231002X", "360482100201", "农村", "红光村一组1号", "张三", "11010519491231002X", "户主", "300.00", "", "自理", "13800138000"],
            ["11010519491231002X", "360482100201", "农村", "红光村一组1号", "李四", "440524188001010014", "配偶", "0", "2", "半失能", ""],
        ];
        XlsxSheet[] sheets =
        [
            TemplateWorkbook.Sheet("成员花名册", MemberRoster.Headers, examples),
            TemplateWorkbook.Sheet("与户主关系", ["与户主关系"], [.. MemberRoster.Relationships.Keys.Select(k => new object?[] { k })]),
        ];
        return TypedResults.File(await TemplateWorkbook.SaveAsync(sheets, ct), XlsxType, "member-roster.xlsx");
    }

    public static async Task<FileContentHttpResult> Template(CancellationToken ct)
    {
        // Counts and the amount are numbers, as in an exported roster, so the example shows what the importer accepts.
        object?[] example = ["360482100201", "农村低保", "张三", "11010519491231002X", 3, 2, 520.00m, "2026-01", "中国农业银行", "6228480012345678", "13800138000", "红光村一组1号"];
        XlsxSheet[] sheets =
        [
            TemplateWorkbook.Sheet("花名册", AssistanceRoster.Headers, example),
            // The roster takes the programme by its Chinese name (AssistancePrograms.ByName): the list shows only names.
            TemplateWorkbook.Sheet("保障类别", ["保障类别"], [.. AssistancePrograms.All.Select(p => new object?[] { p.Name })]),
        ];
        return TypedResults.File(await TemplateWorkbook.SaveAsync(sheets, ct), XlsxType, "assistance-roster.xlsx");
    }
}
