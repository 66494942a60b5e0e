using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.OneOffs;

public sealed record OneOffBatchDto(Guid Id, string Name, string Month, string RegionCode, string RegionName, string Basis, decimal UnitAmount,
    List<string> Programs, List<string> ProgramNames, string? Citation, int Households, int Persons, decimal Total, string Status, string StatusName,
    string CreatedBy, DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason)
{
    public static OneOffBatchDto From(OneOffBatch b, IReadOnlyDictionary<string, string> names) => new(b.Id, b.Name, b.Month.ToString("yyyy-MM", null),
        b.RegionPrefix, names.GetValueOrDefault(b.RegionCode, b.RegionCode), InputValues.Code(b.Basis), b.UnitAmount, [.. b.ProgramList],
        [.. b.ProgramList.Select(p => AssistancePrograms.NameOf(p))], b.Citation, b.Households, b.Persons, b.Total, InputValues.Code(b.Status),
        OneOffBatchService.StatusName(b.Status), b.CreatedBy, b.CreatedAt, b.DecidedBy, b.DecidedAt, b.RejectReason);
}

public sealed record OneOffRejectRequest(string? Reason);

/// <summary>Reading batches: the list and one batch, within the caller's region.</summary>
public sealed class OneOffQueries(MinzhengDbContext db, RegionService regions)
{
    /// <summary>The newest month first (see <see cref="PageRequest.NewestFirst"/>), the latest proposal first within it.</summary>
    private static readonly SortMap<OneOffBatch> Sort = new SortMap<OneOffBatch>("month", q => q.ThenByDescending(b => b.CreatedAt).ThenBy(b => b.Id))
        .Add("month", b => b.Month).Add("name", b => b.Name).Add("region", b => b.RegionCode).Add("households", b => b.Households).Add("total", b => b.Total)
        .Add("status", b => b.Status == OneOffBatchStatus.Proposed ? 0 : b.Status == OneOffBatchStatus.Approved ? 1 : 2);

    /// <param name="status">proposed, approved or rejected; anything else lists every batch.</param>
    public async Task<Paged<OneOffBatchDto>> PageAsync(string? status, PageRequest page, CancellationToken ct)
    {
        var q = db.OneOffBatches.AsNoTracking();
        if (Enum.TryParse<OneOffBatchStatus>(status, true, out var s))
        {
            q = q.Where(b => b.Status == s);
        }

        var rows = await q.PageAsync(page, Sort, ct);
        var names = await regions.NamesOfAsync(rows.Items.Select(b => b.RegionCode), ct);
        return rows.Map(b => OneOffBatchDto.From(b, names));
    }

    public async Task<OneOffBatchDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.OneOffBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } b ? OneOffBatchDto.From(b, await regions.NamesOfAsync([b.RegionCode], ct)) : null;
}

public static class OneOffEndpoints
{
    public static RouteGroupBuilder MapOneOffs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/one-off-batches").WithTags("OneOffBatches");
        group.MapPost("/", Propose).WithName("OneOffBatches_Propose").RequireAuthorization(AssistancePolicies.MakePayrolls)
            .WithSummary("一次性生活补贴批次：按保障项目和区划统计名单（按户或按人），待审批");
        group.MapGet("/", List).WithName("OneOffBatches_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("补贴批次：status=proposed|approved|rejected；page、pageSize（默认且最多200）、sort=month|name|region|households|total|status、dir（默认最新月份在前）；总数在 X-Total-Count");
        group.MapGet("/{id:guid}", Get).WithName("OneOffBatches_Get").RequireAuthorization(Policies.BusinessRead);
        group.MapPost("/{id:guid}/approve", Approve).WithName("OneOffBatches_Approve").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("审批（审批人不能是经办人）：每户一笔，由“一次性生活补贴”发放名册发放一次");
        group.MapPost("/{id:guid}/reject", Reject).WithName("OneOffBatches_Reject").RequireAuthorization(AssistancePolicies.DecideCases);
        return api;
    }

    public static async Task<Results<Created<OneOffBatchDto>, ValidationProblem, ProblemHttpResult>> Propose(OneOffBatchRequest request, OneOffBatchService service,
        OneOffQueries queries, CancellationToken ct)
    {
        var (outcome, batch, errors, message) = await service.ProposeAsync(request, ct);
        if (batch is not null)
        {
            return TypedResults.Created($"/api/v1/one-off-batches/{batch.Id}", (await queries.GetAsync(batch.Id, ct))!);
        }

        return errors.Any ? errors.ToProblem() : ApiProblems.For(outcome, message!);
    }

    /// <summary>The API answered up to 200 batches in one array before it paged: that stays its default page.</summary>
    public static async Task<Ok<List<OneOffBatchDto>>> List(string? status, int? page, int? pageSize, string? sort, string? dir, OneOffQueries queries,
        HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await queries.PageAsync(status, PageRequest.NewestFirst(page, pageSize, sort, dir, 200, 200), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<OneOffBatchDto>, ProblemHttpResult>> Get(Guid id, OneOffQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound("补贴批次不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ProblemHttpResult>> Approve(Guid id, ClaimsPrincipal user, OneOffBatchService service, CancellationToken ct) =>
        ApiProblems.NoContentOr(await service.ApproveAsync(id, user.Identity?.Name ?? "", ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Reject(Guid id, OneOffRejectRequest request, ClaimsPrincipal user, OneOffBatchService service,
        CancellationToken ct) => ApiProblems.NoContentOr(await service.RejectAsync(id, user.Identity?.Name ?? "", request.Reason, ct));
}
