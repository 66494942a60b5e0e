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
        [.. b.ProgramList.Select(p => AssistancePrograms.ByCode(p)?.Name ?? p)], b.Citation, b.Households, b.Persons, b.Total, InputValues.Code(b.Status),
        OneOffBatchService.StatusName(b.Status), b.CreatedBy, b.CreatedAt, b.DecidedBy, b.DecidedAt, b.RejectReason);
}

public sealed record OneOffRejectRequest(string? Reason);

/// <summary>Reading batches: the list and one batch, within the caller's region.</summary>
public sealed class OneOffQueries(MinzhengDbContext db, RegionService regions)
{
    public async Task<List<OneOffBatchDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.OneOffBatches.AsNoTracking().OrderByDescending(b => b.Month).ThenByDescending(b => b.CreatedAt).Take(200).ToListAsync(ct);
        var names = await regions.NamesAsync(ct);
        return rows.Select(b => OneOffBatchDto.From(b, names)).ToList();
    }

    public async Task<OneOffBatchDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.OneOffBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } b ? OneOffBatchDto.From(b, await regions.NamesAsync(ct)) : null;
}

public static class OneOffEndpoints
{
    public static RouteGroupBuilder MapOneOffs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/one-off-batches").WithTags("OneOffBatches");
        group.MapPost("/", Propose).WithName("OneOffBatches_Propose").RequireAuthorization(AssistancePolicies.MakePayrolls)
            .WithSummary("一次性生活补贴批次：按保障项目和区划统计名单（按户或按人），待审批");
        group.MapGet("/", List).WithName("OneOffBatches_List").RequireAuthorization(Policies.BusinessRead);
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

    public static async Task<Ok<List<OneOffBatchDto>>> List(OneOffQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct));

    public static async Task<Results<Ok<OneOffBatchDto>, ProblemHttpResult>> Get(Guid id, OneOffQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound("补贴批次不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ProblemHttpResult>> Approve(Guid id, ClaimsPrincipal user, OneOffBatchService service, CancellationToken ct) =>
        ApiProblems.NoContentOr(await service.ApproveAsync(id, user.Identity?.Name ?? "", ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Reject(Guid id, OneOffRejectRequest request, ClaimsPrincipal user, OneOffBatchService service,
        CancellationToken ct) => ApiProblems.NoContentOr(await service.RejectAsync(id, user.Identity?.Name ?? "", request.Reason, ct));
}
