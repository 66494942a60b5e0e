using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

public sealed record RecalculationRejectRequest(string? Reason);

public sealed record RecalculationDetail(RecalculationDto Recalculation, List<RecalculationTownship> Townships);

public static class RecalculationEndpoints
{
    public static RouteGroupBuilder MapRecalculations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/recalculations").WithTags("Recalculations");
        group.MapPost("/", Preview).WithName("Recalculations_Preview").RequireAuthorization(AssistancePolicies.ManageStandards)
            .WithSummary("提标重算预览：按保障标准（standardId）重算其适用的在保对象，生成待审批的调整清单（不改动任何在保记录）");
        group.MapGet("/", List).WithName("Recalculations_List").RequireAuthorization(Policies.BusinessRead).WithSummary("提标重算：status=proposed|applied|rejected");
        group.MapGet("/{id:guid}", Get).WithName("Recalculations_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("重算汇总及分乡镇合计");
        group.MapGet("/{id:guid}/lines", Lines).WithName("Recalculations_Lines").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("重算明细（脱敏）：skipped=true 为须人工核定的记录");
        group.MapPost("/{id:guid}/approve", Approve).WithName("Recalculations_Approve").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("审批并应用（审批人不能是经办人）：每条在保记录自生效月起调整金额，已发月份由下期名册补发");
        group.MapPost("/{id:guid}/reject", Reject).WithName("Recalculations_Reject").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("退回并说明原因（不改动在保记录）");
        return api;
    }

    public static async Task<Results<Created<RecalculationDetail>, ProblemHttpResult>> Preview(RecalculationRequest request, RecalculationService service,
        RecalculationQueries queries, CancellationToken ct)
    {
        var (outcome, recalculation, message) = await service.PreviewAsync(request, ct);
        return recalculation is null
            ? ApiProblems.For(outcome, message!)
            : TypedResults.Created($"/api/v1/recalculations/{recalculation.Id}", (await DetailAsync(recalculation.Id, queries, ct))!);
    }

    /// <remarks><c>take</c> is the page size callers used before the list paged; <c>pageSize</c> wins when both are given.</remarks>
    public static async Task<Ok<List<RecalculationDto>>> List(string? status, int? take, int? page, int? pageSize, RecalculationQueries queries, HttpResponse response,
        CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAsync(status, PageRequest.From(page, pageSize ?? take, null, null, 50, 200), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<RecalculationDetail>, ProblemHttpResult>> Get(Guid id, RecalculationQueries queries, CancellationToken ct) =>
        await DetailAsync(id, queries, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("重算不存在或不在您的管辖范围内");

    public static async Task<Ok<RecalculationLinePage>> Lines(Guid id, bool? skipped, int? skip, int? take, RecalculationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.LinesAsync(id, skipped, skip ?? 0, take ?? 200, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Approve(Guid id, ClaimsPrincipal user, RecalculationService service, CancellationToken ct) =>
        ApiProblems.NoContentOr(await service.ApproveAsync(id, user.Identity?.Name ?? "", ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Reject(Guid id, RecalculationRejectRequest request, ClaimsPrincipal user,
        RecalculationService service, CancellationToken ct) => ApiProblems.NoContentOr(await service.RejectAsync(id, user.Identity?.Name ?? "", request.Reason, ct));

    private static async Task<RecalculationDetail?> DetailAsync(Guid id, RecalculationQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto ? new RecalculationDetail(dto, await queries.TownshipsAsync(id, ct)) : null;
}
