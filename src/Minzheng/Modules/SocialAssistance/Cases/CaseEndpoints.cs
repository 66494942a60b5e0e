using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", Create).WithName("Cases_Create").RequireAuthorization(AssistancePolicies.CaseWork)
            .WithSummary("提出救助申请（村协理员代录或乡镇受理窗口登记）；临时救助可先行救助");
        cases.MapGet("/", List).WithName("Cases_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("案件列表：status、program、region、due=soon|overdue、mine=true（我办理过的）、name（申请人姓名）、idNumber（任一家庭成员）、householdId；page、pageSize、sort=due|applied|name|program|region|status、dir=desc；总数在 X-Total-Count");
        cases.MapGet("/export.xlsx", CaseExport.ExportAsync).WithName("Cases_Export").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的案件列表（脱敏）");
        cases.MapGet("/deadline-board", Board).WithName("Cases_DeadlineBoard").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("各乡镇在办、即将到期、已超期案件数");
        cases.MapPost("/batch-approval", BatchApprove).WithName("Cases_BatchApprove").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("批量批准已通过全部审核环节的待审批案件；其余逐件说明原因");
        cases.MapGet("/{id:guid}", Get).WithName("Cases_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("案件详情与办理记录");
        cases.MapPost("/{id:guid}/{action}", Act).WithName("Cases_Act").RequireAuthorization(AssistancePolicies.CaseWork)
            .WithSummary("办理步骤：accept、investigate、check、democratic-review、township-review、start-publicity、object、resolve-objection、end-publicity、relative-review、decide、withdraw");
        var reserve = api.MapGroup("/reserve-funds").WithTags("Cases");
        reserve.MapGet("/", Ledger).WithName("ReserveFunds_Ledger").RequireAuthorization(Policies.BusinessRead).WithSummary("乡镇临时救助备用金：拨付、支出、余额");
        reserve.MapPost("/", Allocate).WithName("ReserveFunds_Allocate").RequireAuthorization(AssistancePolicies.DecideCases).WithSummary("县级向乡镇拨付备用金");
        return api;
    }

    public static CaseActor Actor(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "", Roles.All.Where(user.IsInRole).ToHashSet());

    public static async Task<Results<Created<CreatedCase>, ValidationProblem, ProblemHttpResult>> Create(
        CreateCaseRequest request, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        var (outcome, id, message, errors) = await cases.CreateAsync(Actor(user), request, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/cases/{id}", new CreatedCase(id!.Value)),
            Outcome.Invalid => errors!.ToProblem(),
            _ => ApiProblems.For(outcome, message!),
        };
    }

    public static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct, Actor(user).Roles) is { } c ? TypedResults.Ok(c) : ApiProblems.NotFound("案件不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<List<CaseListItem>>, ValidationProblem>> List(string? status, string? program, string? region, string? due, int? take,
        bool? mine, string? name, string? idNumber, Guid? householdId, int? page, int? pageSize, string? sort, string? dir, ClaimsPrincipal user,
        CaseQueries queries, HttpResponse response, CancellationToken ct)
    {
        var filter = new CaseFilter(status, program, region, due, mine == true ? user.Identity?.Name ?? "-" : null, name, idNumber, householdId);
        if (await queries.ListAsync(filter, PageRequest.From(page, pageSize ?? take, sort, dir, 200), ct) is not { } found)
        {
            return ApiProblems.Validation("query", "region 应为区划代码或其前缀，status 应为案件状态代码");
        }

        response.Headers["X-Total-Count"] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(found.Items);
    }

    public static async Task<Ok<List<DeadlineRow>>> Board(CaseQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.BoardAsync(ct));

    public static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Act(Guid id, string action, CaseActionRequest? request, ClaimsPrincipal user,
        CaseService cases, CaseQueries queries, CancellationToken ct)
    {
        var (outcome, message) = await cases.ActAsync(id, action, Actor(user), request ?? Empty, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok((await queries.GetAsync(id, ct))!),
            Outcome.NotFound => ApiProblems.NotFound(message!),
            _ => ApiProblems.Conflict(message!),
        };
    }

    public static async Task<Results<Ok<List<BatchResult>>, ValidationProblem>> BatchApprove(BatchRequest request, ClaimsPrincipal user, CaseService cases,
        CancellationToken ct) =>
        request.Ids is { Count: > 0 } ids
            ? TypedResults.Ok(await cases.BatchApproveAsync(ids, Actor(user), ct))
            : ApiProblems.Validation("ids", "请选择要批准的案件");

    public static async Task<Ok<List<ReserveFundRow>>> Ledger(ReserveFundService reserve, CancellationToken ct) => TypedResults.Ok(await reserve.LedgerAsync(ct));

    public static async Task<Results<NoContent, ValidationProblem>> Allocate(AllocationRequest request, ReserveFundService reserve, TimeProvider clock,
        CancellationToken ct) =>
        await reserve.AllocateAsync(request, clock.Today(), ct) is { } error ? ApiProblems.Validation("regionCode", error) : TypedResults.NoContent();

    private static readonly CaseActionRequest Empty = new(null, null, null, null, null, null, null, null, null, null);
}

public sealed record CreatedCase(Guid Id);
