using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

public sealed record ReimbursementRequest(string? On, string? Voucher);

public static class MedicalEndpoints
{
    public static RouteGroupBuilder MapMedical(this RouteGroupBuilder api)
    {
        var settlements = api.MapGroup("/medical-settlements").WithTags("MedicalSettlements");
        settlements.MapPost("/", Import).WithName("MedicalSettlements_Import").RequireAuthorization(AssistancePolicies.MedicalAid).DisableAntiforgery()
            .WithSummary("导入一站式结算文件（表单字段 file，.xlsx/.csv）：逐条按类别比例和年度限额计算救助金额，待县级批量审批（不公示）");
        settlements.MapGet("/", Batches).WithName("MedicalSettlements_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("结算批次：status=proposed|approved|rejected；page、pageSize（默认且最多200）、sort=imported|rows|aided|cost|total|status|reimbursed、dir（默认最新导入在前）；总数在 X-Total-Count");
        settlements.MapGet("/{id:guid}", Batch).WithName("MedicalSettlements_Get").RequireAuthorization(Policies.BusinessRead);
        settlements.MapGet("/{id:guid}/rows", Rows).WithName("MedicalSettlements_Rows").RequireAuthorization(Policies.BusinessRead);
        settlements.MapPost("/{id:guid}/approve", Approve).WithName("MedicalSettlements_Approve").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("批量审批（审批人不能是导入人）：按当前年度已救助额重算，金额有变化时退回核对");
        settlements.MapPost("/{id:guid}/reject", Reject).WithName("MedicalSettlements_Reject").RequireAuthorization(AssistancePolicies.DecideCases);
        settlements.MapPost("/{id:guid}/reimburse", Reimburse).WithName("MedicalSettlements_Reimburse").RequireAuthorization(AssistancePolicies.CheckPayrolls)
            .WithSummary("登记向医疗机构拨付垫付的救助资金：on（YYYY-MM-DD）、voucher（凭证号）");

        var subsidies = api.MapGroup("/insurance-subsidies").WithTags("InsuranceSubsidies");
        subsidies.MapPost("/", Propose).WithName("InsuranceSubsidies_Propose").RequireAuthorization(AssistancePolicies.MedicalAid)
            .WithSummary("生成资助参保名单：year、regionCode、premium（个人缴费标准，特困全额）、dibaoSubsidy、nearDibaoSubsidy、citation");
        subsidies.MapGet("/", SubsidyLists).WithName("InsuranceSubsidies_List").RequireAuthorization(Policies.BusinessRead);
        subsidies.MapGet("/{id:guid}", SubsidyList).WithName("InsuranceSubsidies_Get").RequireAuthorization(Policies.BusinessRead);
        subsidies.MapGet("/{id:guid}/entries", Entries).WithName("InsuranceSubsidies_Entries").RequireAuthorization(Policies.BusinessRead);
        subsidies.MapGet("/{id:guid}/export.xlsx", SubsidyExport.ExportAsync).WithName("InsuranceSubsidies_Export").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出名单报送医保部门（默认脱敏；full=true 须有权限并填写 reason）");
        subsidies.MapPost("/{id:guid}/approve", ApproveList).WithName("InsuranceSubsidies_Approve").RequireAuthorization(AssistancePolicies.DecideCases);
        subsidies.MapPost("/{id:guid}/reject", RejectList).WithName("InsuranceSubsidies_Reject").RequireAuthorization(AssistancePolicies.DecideCases);
        return api;
    }

    public static async Task<Results<Created<SettlementBatchDto>, ProblemHttpResult>> Import(IFormFile? file, ClaimsPrincipal user, SettlementService service,
        MedicalQueries queries, UploadReader uploads, CancellationToken ct)
    {
        try
        {
            var content = await uploads.ReadAsync(file, ct);
            var result = await service.ImportAsync(content, file!.FileName, user.Identity?.Name ?? "", ct);
            if (result.BatchId is { } id)
            {
                return TypedResults.Created($"/api/v1/medical-settlements/{id}", (await queries.BatchAsync(id, ct))!);
            }

            if (result.Errors is not { } errors)
            {
                return ApiProblems.For(result.Outcome, result.Message!);
            }

            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 422, Title = ApiProblems.ChineseTitle(422), Detail = result.Message };
            errors.AddTo(problem, ImportErrorList.DefaultShown, stopped: errors.Count >= errors.Limit);
            return TypedResults.Problem(problem);
        }
        catch (UnreadableFileException ex)
        {
            return ApiProblems.Problem(400, ex.Message);
        }
    }

    /// <summary>The API answered up to 200 batches in one array before it paged: that stays its default page.</summary>
    public static async Task<Ok<List<SettlementBatchDto>>> Batches(string? status, int? page, int? pageSize, string? sort, string? dir, MedicalQueries queries,
        HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await queries.BatchesAsync(status, PageRequest.NewestFirst(page, pageSize, sort, dir, 200, 200), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<SettlementBatchDto>, ProblemHttpResult>> Batch(Guid id, MedicalQueries queries, CancellationToken ct) =>
        await queries.BatchAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound("结算批次不存在或不在您的管辖范围内");

    public static async Task<Ok<Paged<SettlementDto>>> Rows(Guid id, int? page, bool? notAided, MedicalQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.SettlementsAsync(id, page, notAided == true, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Approve(Guid id, ClaimsPrincipal user, SettlementService service, CancellationToken ct) =>
        ApiProblems.NoContentOr(await service.ApproveAsync(id, user.Identity?.Name ?? "", ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Reject(Guid id, OneOffs.OneOffRejectRequest request, ClaimsPrincipal user,
        SettlementService service, CancellationToken ct) => ApiProblems.NoContentOr(await service.RejectAsync(id, user.Identity?.Name ?? "", request.Reason, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Reimburse(Guid id, ReimbursementRequest request, SettlementService service, CancellationToken ct) =>
        ApiProblems.NoContentOr(await service.RecordReimbursementAsync(id, InputValues.TryParseDate(request.On, out var on) ? on : null, request.Voucher, ct));

    public static async Task<Results<Created<SubsidyListDto>, ValidationProblem, ProblemHttpResult>> Propose(InsuranceSubsidyRequest request,
        InsuranceSubsidyService service, MedicalQueries queries, CancellationToken ct)
    {
        var (outcome, list, errors, message) = await service.ProposeAsync(request, ct);
        if (list is not null)
        {
            return TypedResults.Created($"/api/v1/insurance-subsidies/{list.Id}", (await queries.SubsidyListAsync(list.Id, ct))!);
        }

        return errors.Any ? errors.ToProblem() : ApiProblems.For(outcome, message!);
    }

    public static async Task<Ok<List<SubsidyListDto>>> SubsidyLists(MedicalQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SubsidyListsAsync(ct));

    public static async Task<Results<Ok<SubsidyListDto>, ProblemHttpResult>> SubsidyList(Guid id, MedicalQueries queries, CancellationToken ct) =>
        await queries.SubsidyListAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound("资助参保名单不存在或不在您的管辖范围内");

    public static async Task<Ok<Paged<SubsidyEntryDto>>> Entries(Guid id, int? page, MedicalQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.SubsidyEntriesAsync(id, page, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> ApproveList(Guid id, ClaimsPrincipal user, InsuranceSubsidyService service, CancellationToken ct) =>
        ApiProblems.NoContentOr(await service.ApproveAsync(id, user.Identity?.Name ?? "", ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> RejectList(Guid id, OneOffs.OneOffRejectRequest request, ClaimsPrincipal user,
        InsuranceSubsidyService service, CancellationToken ct) => ApiProblems.NoContentOr(await service.RejectAsync(id, user.Identity?.Name ?? "", request.Reason, ct));
}
