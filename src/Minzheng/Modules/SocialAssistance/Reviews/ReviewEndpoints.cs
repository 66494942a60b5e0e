using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reviews;

public sealed record CampaignDetail(CampaignDto Campaign, List<ReviewItemDto> Items);

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviews(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapPost("/", Open).WithName("Reviews_Open").RequireAuthorization(AssistancePolicies.DecideCases).WithSummary("县级开启复核：列出区划内该项目全部在保对象");
        reviews.MapGet("/", List).WithName("Reviews_List").RequireAuthorization(Policies.BusinessRead).WithSummary("复核及各乡镇进度");
        reviews.MapGet("/{id:guid}", Get).WithName("Reviews_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("复核详情与逐户结果");
        reviews.MapPost("/{id:guid}/items/{itemId:guid}", Record).WithName("Reviews_Record").RequireAuthorization(AssistancePolicies.ReviewOutcomes)
            .WithSummary("录入复核结果：continue、adjust、cancel、gradual-exit");
        reviews.MapPost("/{id:guid}/apply", Apply).WithName("Reviews_Apply").RequireAuthorization(AssistancePolicies.DecideCases).WithSummary("复核结果自生效月份起执行");
        return api;
    }

    public static async Task<Results<Created<CreatedCase>, ValidationProblem>> Open(OpenCampaignRequest request, ReviewService reviews, CancellationToken ct)
    {
        var (id, errors) = await reviews.OpenAsync(request, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/reviews/{created}", new CreatedCase(created)) : errors.ToProblem();
    }

    public static async Task<Ok<List<CampaignDto>>> List(ReviewService reviews, CancellationToken ct) => TypedResults.Ok(await reviews.ListAsync(ct));

    public static async Task<Results<Ok<CampaignDetail>, ProblemHttpResult>> Get(Guid id, ReviewService reviews, CancellationToken ct) =>
        await reviews.GetAsync(id, ct) is { } found ? TypedResults.Ok(new CampaignDetail(found.Campaign, found.Items)) : ApiProblems.NotFound("复核不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ProblemHttpResult>> Record(Guid id, Guid itemId, OutcomeRequest request, ReviewService reviews, CancellationToken ct) =>
        Result(await reviews.RecordAsync(id, itemId, request, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Apply(Guid id, System.Security.Claims.ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        Result(await reviews.ApplyAsync(id, user.Identity?.Name ?? "", ct));

    private static Results<NoContent, ProblemHttpResult> Result((Outcome Outcome, string? Message) r) => ApiProblems.NoContentOr(r);
}
