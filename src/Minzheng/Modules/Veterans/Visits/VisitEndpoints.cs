using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Visits;

public sealed record CampaignRow(Guid Id, string Name, string Occasion, string OccasionName, int Year, string RegionPrefix, decimal Amount, string? Gift, int Persons);

/// <summary>走访慰问 under <c>/api/v1/veterans/visit-campaigns</c>: the county opens a campaign, townships record visits.</summary>
public static class VisitEndpoints
{
    public static RouteGroupBuilder MapVisits(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/veterans/visit-campaigns").WithTags("Veterans").RequireAuthorization(VeteransModule.Visit);
        campaigns.MapPost("/", Create).WithName("Veterans_CreateVisitCampaign").RequireAuthorization(VeteransModule.Manage)
            .WithSummary("开展走访慰问：名称、时节（spring-festival|army-day|other）、区划、慰问金、慰问品、类别（空为全部）；名单为该区划全部在册优抚对象");
        campaigns.MapGet("/", List).WithName("Veterans_ListVisitCampaigns").WithSummary("走访慰问活动");
        campaigns.MapGet("/{id:guid}", Get).WithName("Veterans_GetVisitCampaign").WithSummary("活动名单（本人管辖区划内）及按类别合计");
        campaigns.MapPost("/{id:guid}/visits/{visitId:guid}", Record).WithName("Veterans_RecordVisit").WithSummary("登记走访：走访日期、走访人、实发慰问金");
        return api;
    }

    public static async Task<Results<Created<CreatedCampaign>, ProblemHttpResult>> Create(CampaignRequest request, VisitService visits, CancellationToken ct)
    {
        var r = await visits.CreateAsync(request, ct);
        return r.Outcome == Outcome.Done ? TypedResults.Created($"/api/v1/veterans/visit-campaigns/{r.Value!.Id}", r.Value)
            : r.Outcome == Outcome.Invalid ? VeteranEndpoints.Unprocessable(r.Errors) : ApiProblems.For(r.Outcome, r.Message!);
    }

    public static async Task<Ok<List<CampaignRow>>> List(VisitService visits, CancellationToken ct) =>
        TypedResults.Ok((await visits.ListAsync(ct)).Select(c => new CampaignRow(c.Id, c.Name, c.Occasion, VisitService.OccasionName(c.Occasion), c.Year,
            c.RegionPrefix, c.Amount, c.Gift, c.Persons)).ToList());

    public static async Task<Results<Ok<CampaignDetail>, ProblemHttpResult>> Get(Guid id, VisitService visits, CancellationToken ct) =>
        await visits.GetAsync(id, ct) is { } c ? TypedResults.Ok(c) : ApiProblems.NotFound("走访慰问活动不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ProblemHttpResult>> Record(Guid id, Guid visitId, VisitRequest request, VisitService visits, CancellationToken ct)
    {
        var r = await visits.RecordAsync(id, visitId, request, ct);
        return r.Outcome == Outcome.Done ? TypedResults.NoContent()
            : r.Outcome == Outcome.Invalid ? VeteranEndpoints.Unprocessable(r.Errors) : ApiProblems.For(r.Outcome, r.Message!);
    }
}
