using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Imports;

/// <param name="Matched">Lists matched against the register only (death lists): records whose person matched.</param>
/// <param name="Counts">What the rows created, by kind ("persons", "households", "marriages", "divorces"…).</param>
public sealed record ImportedCount(int Imported,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Matched = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? Counts = null);

/// <summary>
/// <c>/api/v1/imports</c>: every module's spreadsheets through one staged import. Open to users holding the policy of at
/// least one import kind; a batch of a kind the caller may not use is answered like one that does not exist.
/// </summary>
public static class StagedImportEndpoints
{
    private const string NotFoundText = "导入批次不存在或不在您的管辖范围内";

    public static RouteGroupBuilder MapStagedImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.StageImports);
        // Bearer-token API: CSRF does not apply (the UI cookie is SameSite=Strict and the pages have their own token).
        imports.MapPost("/", Stage).WithName("Imports_Stage").DisableAntiforgery()
            .WithSummary("上传表格（.xlsx 或 UTF-8/GBK .csv）并校验，返回逐行错误；kind 为花名册、核查名单、婚姻登记档案等导入种类");
        imports.MapGet("/{id:guid}", Get).WithName("Imports_Get");
        imports.MapGet("/{id:guid}/errors.csv", ErrorReport).WithName("Imports_ErrorReport").WithSummary("导入批次的全部错误（CSV 错误报告）");
        imports.MapPost("/{id:guid}/commit", Commit).WithName("Imports_Commit").WithSummary("确认导入：全部成功或全部不写入（skipInvalid=true 跳过错误行）");
        return api;
    }

    public static async Task<Results<Ok<StagedImport>, ProblemHttpResult, ForbidHttpResult>> Stage(string? kind, IFormFile? file, ClaimsPrincipal user,
        StagedImports imports, CancellationToken ct)
    {
        var allowed = await imports.KindsOfAsync(user);
        if (imports.Find(kind) is not { } found)
        {
            return ApiProblems.Problem(400, $"kind 应为 {string.Join(" 或 ", allowed.Order(StringComparer.Ordinal))}");
        }

        if (!allowed.Contains(found.Kind))
        {
            return TypedResults.Forbid();
        }

        try
        {
            return TypedResults.Ok(await imports.StageUploadAsync(found, file, ct));
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

    public static async Task<Results<Ok<StagedImport>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, StagedImports imports, CancellationToken ct) =>
        await imports.GetAsync(id, await imports.KindsOfAsync(user), ct) is { } staged ? TypedResults.Ok(staged) : ApiProblems.NotFound(NotFoundText);

    /// <summary>Every error staging found (the answers show the first 200), formula-safe CSV; region-scoped like the batch.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ErrorReport(Guid id, ClaimsPrincipal user, StagedImports imports,
        CancellationToken ct) =>
        await imports.GetErrorsAsync(id, await imports.KindsOfAsync(user), ct) is { } found
            ? TypedResults.File(ImportErrorList.ToCsv(found.Errors), "text/csv; charset=utf-8", $"import-errors-{id}.csv")
            : ApiProblems.NotFound(NotFoundText);

    public static async Task<Results<Ok<ImportedCount>, ProblemHttpResult>> Commit(Guid id, bool? skipInvalid, ClaimsPrincipal user, StagedImports imports,
        CancellationToken ct)
    {
        var result = await imports.CommitAsync(id, await imports.KindsOfAsync(user), skipInvalid == true, ct);
        return result.Outcome switch
        {
            CommitOutcome.Committed => TypedResults.Ok(new ImportedCount(result.Imported, result.Matched, result.Counts)),
            CommitOutcome.NotFound => ApiProblems.NotFound(NotFoundText),
            CommitOutcome.AlreadyCommitted => ApiProblems.Conflict($"该批次已经导入（{result.Imported}行），不能重复导入"),
            _ => InvalidRows(result.Errors, imports.ShownErrors),
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
}
