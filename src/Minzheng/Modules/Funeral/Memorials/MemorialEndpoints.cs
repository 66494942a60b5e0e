using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>云祭扫、代祭扫 bookings: <c>/api/v1/funeral/memorials</c>. Photos of the service go through the attachments API (owner type funeral-memorial).</summary>
public static class MemorialEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var memorials = api.MapGroup("/funeral/memorials").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        memorials.MapPost("/", Book).WithName("Funeral_BookMemorial")
            .WithSummary("预约祭扫：kind=cloud|proxy、burialId（公墓安葬记录）或 facilityId（骨灰堂）与 cremationId、niche、services（代祭扫：sweep|flowers|read-message）、requestedOn（今天起一年内）、contactName、contactPhone、message；同一逝者同日同类已预约答复409，高峰期约满答复422");
        memorials.MapGet("/", List).WithName("Funeral_ListMemorials")
            .WithSummary("祭扫预约：date（祭扫日期）、status=booked|overdue|delivered|cancelled、kind=cloud|proxy、facilityId；page、pageSize、sort=requested|name|kind|status、dir；电话脱敏；总数在 X-Total-Count");
        memorials.MapGet("/{id:guid}", Get).WithName("Funeral_GetMemorial").WithSummary("祭扫预约详情（完整电话、寄语、可办理的步骤）");
        memorials.MapPost("/{id:guid}/delivery", Deliver).WithName("Funeral_DeliverMemorial")
            .WithSummary("登记服务完成：deliveredOn（不早于祭扫日期、不晚于今天）、deliveredBy；已办结答复409");
        memorials.MapPost("/{id:guid}/cancellation", Cancel).WithName("Funeral_CancelMemorial").WithSummary("取消预约：reason；已办结答复409");
    }

    public static async Task<Results<Created<MemorialRow>, ProblemHttpResult>> Book(MemorialRequest request, MemorialService service, CancellationToken ct) =>
        Answer(await service.BookAsync(request, ct));

    public static async Task<Ok<List<MemorialRow>>> List([AsParameters] MemorialFilter filter, int? page, int? pageSize, string? sort, string? dir,
        MemorialService service, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await service.PageAsync(filter, PageRequest.From(page, pageSize, sort, dir), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<MemorialDetail>, ProblemHttpResult>> Get(Guid id, MemorialService service, ClaimsPrincipal user, CancellationToken ct) =>
        await service.DetailAsync(id, Roles(user), ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("祭扫预约不存在或不在您的管辖范围内");

    public static async Task<Results<Created<MemorialRow>, ProblemHttpResult>> Deliver(Guid id, MemorialDeliveryRequest request, MemorialService service,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await service.DeliverAsync(id, request, Roles(user), ct));

    public static async Task<Results<Created<MemorialRow>, ProblemHttpResult>> Cancel(Guid id, MemorialCancelRequest request, MemorialService service,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await service.CancelAsync(id, request, Roles(user), ct));

    public static IEnumerable<string> Roles(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role).Select(c => c.Value);

    private static Results<Created<MemorialRow>, ProblemHttpResult> Answer(FuneralResult<MemorialRow> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created($"/api/v1/funeral/memorials/{result.Value!.Id}", result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
