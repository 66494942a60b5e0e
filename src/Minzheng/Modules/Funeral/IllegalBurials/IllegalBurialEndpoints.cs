using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>Illegal burial cases: <c>/api/v1/funeral/illegal-burials</c>.</summary>
public static class IllegalBurialEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/funeral/illegal-burials").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        cases.MapPost("/", Open).WithName("Funeral_OpenIllegalBurial")
            .WithSummary("登记乱埋乱葬案件：kind、foundOn、foundBy（patrol|report|informant）、regionCode（本人管辖范围内的村）、location、latitude/longitude、description、partyName、rectifyBy（不早于发现日期）");
        cases.MapGet("/", List).WithName("Funeral_ListIllegalBurials")
            .WithSummary("乱埋乱葬案件：region（乡镇或村）、status=open|overdue|closed、kind、from、to（发现日期）；page、pageSize、sort=found|due|region|kind|status、dir；总数在 X-Total-Count");
        cases.MapGet("/{id:guid}", Get).WithName("Funeral_GetIllegalBurial").WithSummary("乱埋乱葬案件详情");
        cases.MapPost("/{id:guid}/outcome", Close).WithName("Funeral_CloseIllegalBurial")
            .WithSummary("登记处理结果：outcome=rectified|penalised|relocated、on；处罚须 decisionNumber 与 amount（大于0）；迁移须 destination；已结案答复409");
    }

    public static async Task<Results<Created<IllegalBurialRow>, ProblemHttpResult>> Open(IllegalBurialRequest request, IllegalBurialService service, CancellationToken ct) =>
        Answer(await service.OpenAsync(request, ct));

    public static async Task<Ok<List<IllegalBurialRow>>> List([AsParameters] IllegalBurialFilter filter, int? page, int? pageSize, string? sort, string? dir,
        IllegalBurialService service, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await service.PageAsync(filter, PageRequest.NewestFirst(page, pageSize, sort, dir), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<IllegalBurialDetail>, ProblemHttpResult>> Get(Guid id, IllegalBurialService service, CancellationToken ct) =>
        await service.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("乱埋乱葬案件不存在或不在您的管辖范围内");

    public static async Task<Results<Created<IllegalBurialRow>, ProblemHttpResult>> Close(Guid id, IllegalBurialOutcomeRequest request, IllegalBurialService service,
        CancellationToken ct) =>
        Answer(await service.CloseAsync(id, request, ct));

    private static Results<Created<IllegalBurialRow>, ProblemHttpResult> Answer(FuneralResult<IllegalBurialRow> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created($"/api/v1/funeral/illegal-burials/{result.Value!.Id}", result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
