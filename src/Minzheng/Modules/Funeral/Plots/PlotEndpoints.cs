using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Plots;

/// <summary>Cemetery plots: <c>/api/v1/funeral/facilities/{id}/plots</c> and <c>/api/v1/funeral/plots/{id}/sale</c>.</summary>
public static class PlotEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var funeral = api.MapGroup("/funeral").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        funeral.MapGet("/facilities/{id:guid}/plots", List).WithName("Funeral_ListPlots").WithSummary("公墓的墓穴：位置、类型、面积、价格、状态、墓穴证");
        funeral.MapPost("/facilities/{id:guid}/plots", Add).WithName("Funeral_AddPlot")
            .WithSummary("登记墓穴：墓区、排、号、single|double、forAshes、squareMeters（不得超过本省限制）、price");
        funeral.MapPost("/plots/{id:guid}/sale", Sell).WithName("Funeral_SellPlot")
            .WithSummary("出售墓穴：购墓人、身份证号、户籍所在村（居）buyerRegionCode（农村公益性墓地必填，须在墓地所在区划内）、售出日期、合同编号、使用年限；生成墓穴证编号；已售出或预留给他人的答复409（并发出售只有一笔成功）");
        funeral.MapPost("/plots/{id:guid}/reservation", Reserve).WithName("Funeral_ReservePlot")
            .WithSummary("预留墓穴：buyerName、buyerIdNumber、buyerRegionCode、reservedOn（默认今天）、reservedUntil（至多366天）；预留期内只能售给预留人，过期自动恢复空闲；已售出或已预留答复409");
        funeral.MapPost("/plots/{id:guid}/reservation/cancel", CancelReservation).WithName("Funeral_CancelPlotReservation")
            .WithSummary("取消预留：墓穴恢复空闲；没有预留答复409");
        funeral.MapGet("/plots/{id:guid}", Get).WithName("Funeral_GetPlot").WithSummary("墓穴详情：状态（free|sold|buried|expired）、安葬记录、续期记录");
        funeral.MapPost("/plots/{id:guid}/burials", Bury).WithName("Funeral_BuryInPlot")
            .WithSummary("登记安葬：deceasedName、idNumber、buriedOn（不早于售出日期、不晚于今天）、cremationId（可选，须为同一身份证号）；单穴1人、双穴2人，已满答复409");
        funeral.MapPost("/plots/{id:guid}/renewals", Renew).WithName("Funeral_RenewPlot")
            .WithSummary("墓穴续期：years（1至70）、renewedOn、fee、receiptNumber；到期日期顺延，续期记录保留");
        funeral.MapGet("/plots/{id:guid}/reclaims", Reclaims).WithName("Funeral_ListPlotReclaims").WithSummary("墓穴的到期催告与收回记录");
        funeral.MapPost("/plots/{id:guid}/reclaim-notices", Notice).WithName("Funeral_NoticePlotReclaim")
            .WithSummary("到期未续期墓穴的催告：noticedOn（默认今天，须在到期日之后）；期限按设置 Funeral:Reclaim:NoticeDays（默认90天）；未到期422，已有未结催告409");
        funeral.MapPost("/plots/{id:guid}/reclaim", Reclaim).WithName("Funeral_ReclaimPlot")
            .WithSummary("收回墓穴：reclaimedOn（须在催告期限之后）、disposition=columbarium|ecological|family、place（安放地点）、note；墓穴恢复空闲，原墓穴证作废；未催告、期限未满或已续期422");
    }

    public static async Task<Results<Ok<PlotDetail>, ProblemHttpResult>> Get(Guid id, BurialService service, CancellationToken ct) =>
        await service.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound(PlotLookup.NotFound);

    public static async Task<Results<Created<BurialRow>, ProblemHttpResult>> Bury(Guid id, BurialRequest request, BurialService service, CancellationToken ct) =>
        Answer(await service.BuryAsync(id, request, ct), _ => $"/api/v1/funeral/plots/{id}");

    public static async Task<Results<Created<RenewedPlot>, ProblemHttpResult>> Renew(Guid id, RenewalRequest request, BurialService service, CancellationToken ct) =>
        Answer(await service.RenewAsync(id, request, ct), _ => $"/api/v1/funeral/plots/{id}");

    public static async Task<Ok<List<ReclaimRow>>> Reclaims(Guid id, ReclaimService service, CancellationToken ct) => TypedResults.Ok(await service.OfPlotAsync(id, ct));

    public static async Task<Results<Created<ReclaimRow>, ProblemHttpResult>> Notice(Guid id, ReclaimNoticeRequest? request, ReclaimService service, CancellationToken ct) =>
        Answer(await service.NoticeAsync(id, request ?? new ReclaimNoticeRequest(null), ct), _ => $"/api/v1/funeral/plots/{id}/reclaims");

    public static async Task<Results<Created<ReclaimRow>, ProblemHttpResult>> Reclaim(Guid id, ReclaimRequest request, ReclaimService service, CancellationToken ct) =>
        Answer(await service.ReclaimAsync(id, request, ct), _ => $"/api/v1/funeral/plots/{id}/reclaims");

    public static async Task<Ok<List<PlotRow>>> List(Guid id, PlotService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(id, ct));

    public static async Task<Results<Created<PlotRow>, ProblemHttpResult>> Add(Guid id, PlotRequest request, PlotService service, CancellationToken ct) =>
        Answer(await service.AddAsync(id, request, ct), v => $"/api/v1/funeral/plots/{v.Id}");

    public static async Task<Results<Created<SoldPlot>, ProblemHttpResult>> Sell(Guid id, PlotSaleRequest request, PlotService service, CancellationToken ct) =>
        Answer(await service.SellAsync(id, request, ct), v => $"/api/v1/funeral/plots/{v.Id}");

    public static async Task<Results<Created<ReservedPlot>, ProblemHttpResult>> Reserve(Guid id, PlotReservationRequest request, PlotReservationService service,
        CancellationToken ct) =>
        Answer(await service.ReserveAsync(id, request, ct), _ => $"/api/v1/funeral/plots/{id}");

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelReservation(Guid id, PlotReservationService service, CancellationToken ct)
    {
        var result = await service.CancelAsync(id, ct);
        return result.Outcome == Outcome.Done ? TypedResults.NoContent() : ApiProblems.For(result.Outcome, result.Message!);
    }

    private static Results<Created<T>, ProblemHttpResult> Answer<T>(FuneralResult<T> result, Func<T, string> location) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created(location(result.Value!), result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
