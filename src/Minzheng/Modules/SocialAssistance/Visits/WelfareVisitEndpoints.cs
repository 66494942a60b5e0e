using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Visits;

/// <summary><c>/api/v1/welfare-visits</c>: persons in 特困分散供养 due a visit, an enrolment's visits, recording a visit.</summary>
public static class WelfareVisitEndpoints
{
    public static RouteGroupBuilder MapWelfareVisits(this RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/welfare-visits").WithTags("WelfareVisits");
        visits.MapGet("/", List).WithName("WelfareVisits_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("应探视的特困分散供养人员：region、due=overdue|soon、take；按应探视日期排序");
        visits.MapGet("/{enrollmentId:guid}", History).WithName("WelfareVisits_History").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("一名特困分散供养人员的探视巡访记录与下次应探视日期");
        visits.MapPost("/{enrollmentId:guid}", Record).WithName("WelfareVisits_Record").RequireAuthorization(AssistancePolicies.RecordVisits)
            .WithSummary("登记一次探视巡访：visitedOn、visitors、way=home-visit|phone-call|group-visit、findings、needsFollowUp、followUpNote");
        return api;
    }

    public static async Task<Results<Ok<List<WelfareVisitDue>>, ValidationProblem>> List(string? region, string? due, int? take, WelfareVisitService visits,
        CancellationToken ct)
    {
        var (items, errors) = await visits.DueAsync(region, due, take ?? 1000, ct);
        return items is null ? errors.ToProblem() : TypedResults.Ok(items);
    }

    public static async Task<Results<Ok<WelfareVisitHistory>, ProblemHttpResult>> History(Guid enrollmentId, WelfareVisitService visits, CancellationToken ct)
    {
        var (history, message) = await visits.HistoryAsync(enrollmentId, ct);
        return history is null ? ApiProblems.NotFound(message!) : TypedResults.Ok(history);
    }

    public static async Task<Results<Created<WelfareVisitDto>, ValidationProblem, ProblemHttpResult>> Record(Guid enrollmentId, WelfareVisitRequest request,
        WelfareVisitService visits, CancellationToken ct)
    {
        var result = await visits.RecordAsync(enrollmentId, request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/welfare-visits/{enrollmentId}", result.Visit),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }
}
