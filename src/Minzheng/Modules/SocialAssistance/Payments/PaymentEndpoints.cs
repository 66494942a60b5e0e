using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

public sealed record RejectRequest(string? Reason);

/// <param name="ConfirmTotal">The payroll's total, confirmed by the approver: required when the payroll carries a change warning.</param>
public sealed record ApproveRequest(decimal? ConfirmTotal);

public sealed record LinePage(int Total, List<PayrollLineDto> Lines);

public sealed record ReconciliationAnswer(ReconciliationResult Result);

public static class PaymentEndpoints
{
    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder api)
    {
        var payrolls = api.MapGroup("/payrolls").WithTags("Payments");
        payrolls.MapPost("/", Create).WithName("Payrolls_Create").RequireAuthorization(AssistancePolicies.MakePayrolls).HonoursIdempotencyKey()
            .WithSummary("生成发放名册（请求头 Idempotency-Key 必填；区划重叠的同期名册 409）");
        payrolls.MapGet("/", List).WithName("Payrolls_List").RequireAuthorization(Policies.BusinessRead);
        payrolls.MapGet("/{id:guid}", Get).WithName("Payrolls_Get").RequireAuthorization(Policies.BusinessRead);
        payrolls.MapGet("/{id:guid}/townships", Townships).WithName("Payrolls_Townships").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("按乡镇汇总；乡镇、村用户或乡镇名册按村（社区）汇总");
        payrolls.MapGet("/{id:guid}/lines", Lines).WithName("Payrolls_Lines").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("名册明细（脱敏）：kind、status；skip/take（默认 0/200），或 page、pageSize、sort=region|name|month|kind|amount|status|persons、dir=desc；总数在 total 和 X-Total-Count");
        payrolls.MapGet("/{id:guid}/lines.xlsx", PayrollExports.LinesAsync).WithName("Payrolls_ExportLines").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的名册明细（kind、lineStatus，身份证号和账号脱敏）");
        payrolls.MapGet("/{id:guid}/unpaid.xlsx", PayrollExports.UnpaidAsync).WithName("Payrolls_ExportUnpaid").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出不在银行文件中的对象（追回清单、缺少账号）");
        payrolls.MapGet("/{id:guid}/signature-list", SignatureList).WithName("Payrolls_SignatureList").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("某村（社区）的发放签领表数据（village=12位区划代码，身份证号脱敏，记审计）；打印版见 /Payments/SignatureList");
        payrolls.MapPost("/{id:guid}/approve", Approve).WithName("Payrolls_Approve").RequireAuthorization(AssistancePolicies.CheckPayrolls)
            .WithSummary("审核通过（不能是制单人）");
        payrolls.MapPost("/{id:guid}/reject", Reject).WithName("Payrolls_Reject").RequireAuthorization(AssistancePolicies.CheckPayrolls).WithSummary("退回并说明原因");
        payrolls.MapPost("/{id:guid}/corrections", Correct).WithName("Payrolls_Correct").RequireAuthorization(AssistancePolicies.MakePayrolls)
            .WithSummary("人工更正（待审核的名册）");
        payrolls.MapGet("/{id:guid}/bank-file", BankFile).WithName("Payrolls_BankFile").RequireAuthorization(AssistancePolicies.CheckPayrolls)
            .WithSummary("银行代发文件：layout=csv（默认）、csv-gbk、fixed、xlsx");
        payrolls.MapPost("/{id:guid}/returns", Returns).WithName("Payrolls_Returns").RequireAuthorization(AssistancePolicies.CheckPayrolls).DisableAntiforgery()
            .WithSummary("导入银行回盘（表头：流水号, 金额, 处理结果, 失败原因），全部成功或全部不写入");
        payrolls.MapPost("/{id:guid}/reissue", Reissue).WithName("Payrolls_Reissue").RequireAuthorization(AssistancePolicies.MakePayrolls)
            .WithSummary("发放失败的记录生成补发名册");
        api.MapGet("/payments/ledger", Ledger).WithTags("Payments").WithName("Payments_Ledger").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("资金台账：项目 × 乡镇 × 月份的应发、实发、失败、追回");
        return api;
    }

    public static async Task<Results<Created<PayrollDto>, Ok<PayrollDto>, ValidationProblem, ProblemHttpResult>> Create(CreatePayrollRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, PayrollService service, PayrollQueries queries, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, idempotencyKey, ct);
        if (result.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        if (result.Payroll is null)
        {
            return ApiProblems.Problem(result.Status, result.Message!);
        }

        var dto = (await queries.GetAsync(result.Payroll.Id, ct))!;
        return result.Created ? TypedResults.Created($"/api/v1/payrolls/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    /// <remarks><c>take</c> is the page size callers used before the list paged; <c>pageSize</c> wins when both are given.</remarks>
    public static async Task<Ok<List<PayrollDto>>> List(string? program, string? status, int? take, int? page, int? pageSize, PayrollQueries queries,
        HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAsync(program, status, PageRequest.From(page, pageSize ?? take, null, null, 100, 500), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<PayrollDto>, ProblemHttpResult>> Get(Guid id, PayrollQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound("发放名册不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<List<AreaTotal>>, ProblemHttpResult>> Townships(Guid id, PayrollQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } payroll ? TypedResults.Ok(await queries.AreasAsync(payroll, ct)) : ApiProblems.NotFound("发放名册不存在或不在您的管辖范围内");

    /// <summary>Paged by skip/take as before, or by page/pageSize/sort/dir like every list; the answer stays <see cref="LinePage"/>.</summary>
    public static async Task<Results<Ok<LinePage>, ProblemHttpResult>> Lines(Guid id, string? kind, string? status, int? skip, int? take, int? page,
        int? pageSize, string? sort, string? dir, PayrollQueries queries, PayrollLineQueries lines, HttpResponse response, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("发放名册不存在或不在您的管辖范围内");
        }

        int total;
        List<PayrollLineDto> found;
        if (page is not null || pageSize is not null || sort is not null)
        {
            var paged = await lines.PageAsync(id, kind, status, PageRequest.From(page, pageSize ?? take, sort, dir, 200, 1000), ct);
            (total, found) = (paged.Total, paged.Items);
        }
        else
        {
            (total, found) = await lines.SliceAsync(id, kind, status, skip ?? 0, take ?? 200, ct);
        }

        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new LinePage(total, found));
    }

    public static async Task<Results<Ok<SignatureSheet>, ValidationProblem, ProblemHttpResult>> SignatureList(Guid id, string? village, SignatureLists lists,
        CancellationToken ct)
    {
        var (outcome, message, sheet) = await lists.GetAsync(id, village, ct);
        return (outcome, sheet) switch
        {
            (_, { } found) => TypedResults.Ok(found),
            (Outcome.Invalid, _) => ApiProblems.Validation("village", message!),
            _ => ApiProblems.For(outcome, message!),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Approve(Guid id, [FromBody] ApproveRequest? request, ClaimsPrincipal user,
        PayrollService service, CancellationToken ct) => Answer(await service.ApproveAsync(id, user.Identity?.Name ?? "", request?.ConfirmTotal, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Reject(Guid id, RejectRequest request, ClaimsPrincipal user, PayrollService service,
        CancellationToken ct) => Answer(await service.RejectAsync(id, user.Identity?.Name ?? "", request.Reason, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Correct(Guid id, CorrectionRequest request, PayrollCorrections corrections, CancellationToken ct) =>
        Answer(await corrections.AddAsync(id, request, ct));

    public static async Task<IResult> BankFile(Guid id, string? layout, HttpContext http, BankFileService files, Minzheng.Platform.Data.MinzhengDbContext db,
        CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(layout) ? "csv" : layout.Trim();
        var chosen = files.Layout(name);
        if (chosen is null)
        {
            return ApiProblems.Problem(400, $"layout 应为 {string.Join("、", BankLayout.BuiltIn.Keys)} 或配置的银行格式");
        }

        var payroll = await db.Payrolls.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (payroll is null)
        {
            return ApiProblems.NotFound("发放名册不存在或不在您的管辖范围内");
        }

        if (payroll.Status != PayrollStatus.Approved)
        {
            return ApiProblems.Conflict("只有已审核的发放名册可以导出银行文件");
        }

        var extension = chosen.Format switch { "xlsx" => "xlsx", "fixed" => "txt", _ => "csv" };
        var fileName = $"payroll-{payroll.Program}-{payroll.PeriodText}-{payroll.RegionPrefix}.{extension}";
        http.Response.ContentType = chosen.Format == "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : $"text/{(extension == "csv" ? "csv" : "plain")}; charset={(chosen.Encoding == "gbk" ? "gb18030" : "utf-8")}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await files.WriteAsync(payroll, name, chosen, fileName, http.Response.Body, ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<ReconciliationAnswer>, ProblemHttpResult>> Returns(Guid id, IFormFile? file, ReconciliationService service,
        Minzheng.Platform.Web.UploadReader uploads, CancellationToken ct)
    {
        try
        {
            var content = await uploads.ReadAsync(file, ct);
            var (outcome, message, errors, result) = await service.ReconcileAsync(id, content, file!.FileName, ct);
            if (outcome == Outcome.Done)
            {
                return TypedResults.Ok(new ReconciliationAnswer(result!));
            }

            if (errors.Count == 0)
            {
                return ApiProblems.For(outcome, message!);
            }

            // The first errors and the counts: a million-row file of wrong lines must not answer with all of them.
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 422, Title = ApiProblems.ChineseTitle(422), Detail = message };
            errors.AddTo(problem, ImportErrorList.DefaultShown, stopped: errors.Count >= errors.Limit);
            return TypedResults.Problem(problem);
        }
        catch (UnreadableFileException ex)
        {
            return ApiProblems.Problem(400, ex.Message);
        }
    }

    public static async Task<Results<Created<PayrollDto>, ProblemHttpResult>> Reissue(Guid id, ReconciliationService service, PayrollQueries queries, CancellationToken ct)
    {
        var (outcome, message, payroll) = await service.ReissueAsync(id, ct);
        return payroll is null ? ApiProblems.For(outcome, message!) : TypedResults.Created($"/api/v1/payrolls/{payroll.Id}", (await queries.GetAsync(payroll.Id, ct))!);
    }

    public static async Task<Results<Ok<List<LedgerRow>>, ValidationProblem>> Ledger(string? program, string? region, string? from, string? to,
        PayrollQueries queries, CancellationToken ct)
    {
        if (!InputValues.TryParseMonth(from, out var start) || !InputValues.TryParseMonth(to, out var end) || end < start)
        {
            return ApiProblems.Validation("from", "from 和 to 应为月份 YYYY-MM，且 to 不早于 from");
        }

        return TypedResults.Ok(await queries.LedgerAsync(program, region, start, end, ct));
    }

    private static Results<NoContent, ProblemHttpResult> Answer((Outcome Outcome, string? Message) r) =>
        r.Outcome == Outcome.Done ? TypedResults.NoContent() : ApiProblems.For(r.Outcome, r.Message!);
}
