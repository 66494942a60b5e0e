using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary>退役士兵安置 under <c>/api/v1/veterans/placements</c>.</summary>
public static class PlacementEndpoints
{
    public static RouteGroupBuilder MapPlacements(this RouteGroupBuilder veterans)
    {
        veterans.MapPost("/placements", Record).WithName("Veterans_RecordPlacement")
            .WithSummary("登记退役士兵安置：姓名、身份证号、区划、安置去向（self-employment|assigned-job|exam|retirement|support）、入伍和退役日期、报到日期；安排工作须符合条件；自主就业计算退役金");
        veterans.MapPost("/placements/{id:guid}/progress", Progress).WithName("Veterans_PlacementProgress")
            .WithSummary("登记报到日期（reportedOn），安排工作的登记接收单位（employer）和上岗日期（startedOn）；已登记的不同内容 409");
        veterans.MapGet("/placements", List).WithName("Veterans_ListPlacements").WithSummary("退役士兵安置：path；逾期报到标记");
        return veterans;
    }

    public static async Task<Results<Created<PlacementRow>, ProblemHttpResult>> Record(PlacementRequest request, PlacementService service, CancellationToken ct)
    {
        var r = await service.RecordAsync(request, ct);
        return r.Outcome == Outcome.Done ? TypedResults.Created($"/api/v1/veterans/placements/{r.Value!.Id}", r.Value)
            : r.Outcome == Outcome.Invalid ? VeteranEndpoints.Unprocessable(r.Errors) : ApiProblems.For(r.Outcome, r.Message!);
    }

    public static async Task<Results<Ok<PlacementRow>, ProblemHttpResult>> Progress(Guid id, PlacementProgressRequest request, PlacementProgress service,
        CancellationToken ct)
    {
        var r = await service.RecordAsync(id, request, ct);
        return r.Outcome == Outcome.Done ? TypedResults.Ok(r.Value!)
            : r.Outcome == Outcome.Invalid ? VeteranEndpoints.Unprocessable(r.Errors) : ApiProblems.For(r.Outcome, r.Message!);
    }

    public static async Task<Ok<List<PlacementRow>>> List(string? path, PlacementService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(path, ct));
}
