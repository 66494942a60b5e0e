using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>The marriage register's API (DESIGN §5 "Marriage"): registrations, divorce applications with their windows, statistics.</summary>
public static class MarriageEndpoints
{
    public static RouteGroupBuilder MapMarriage(this RouteGroupBuilder api)
    {
        var marriage = api.MapGroup("/marriage").WithTags("Marriage");
        marriage.MapPost("/registrations", RegisterMarriage).WithName("Marriage_Register").RequireAuthorization(MarriageModule.Register)
            .WithSummary("结婚登记：法定婚龄、性别、重婚与声明检查；同一双方同一日期重复提交答复409");
        var divorces = marriage.MapGroup("/divorce-applications").RequireAuthorization(MarriageModule.Register);
        divorces.MapPost("/", Apply).WithName("Marriage_ApplyDivorce").WithSummary("离婚登记申请：受理并计算冷静期届满日与领证截止日");
        divorces.MapPost("/{id:guid}/withdraw", Withdraw).WithName("Marriage_WithdrawDivorce").WithSummary("冷静期内任一方撤回离婚登记申请");
        divorces.MapPost("/{id:guid}/register", RegisterDivorce).WithName("Marriage_RegisterDivorce").WithSummary("冷静期届满后30日内办理离婚登记");
        marriage.MapGet("/statistics", Statistics).WithName("Marriage_Statistics").RequireAuthorization(MarriageModule.Read)
            .WithSummary("婚姻登记统计：按登记日期统计结婚、离婚、补发结婚证、补发离婚证、撤销");
        return api;
    }

    public static async Task<Results<Created<RegisteredMarriageRecord>, ValidationProblem, ProblemHttpResult>> RegisterMarriage(RegisterMarriageRequest request,
        MarriageRegistry registry, CancellationToken ct) =>
        Answer(await registry.RegisterMarriageAsync(request, ct), v => $"/api/v1/marriage/registrations/{v.Id}");

    public static async Task<Results<Created<CreatedDivorceApplication>, ValidationProblem, ProblemHttpResult>> Apply(DivorceApplicationRequest request,
        DivorceService divorces, CancellationToken ct) =>
        Answer(await divorces.ApplyAsync(request, ct), v => $"/api/v1/marriage/divorce-applications/{v.Id}");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Withdraw(Guid id, WithdrawDivorceRequest request, DivorceService divorces,
        CancellationToken ct)
    {
        var (outcome, message, errors) = await divorces.WithdrawAsync(id, request, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.NoContent(),
            Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.For(outcome, message!),
        };
    }

    public static async Task<Results<Created<RegisteredMarriageRecord>, ValidationProblem, ProblemHttpResult>> RegisterDivorce(Guid id,
        RegisterDivorceRequest request, DivorceService divorces, CancellationToken ct) =>
        Answer(await divorces.RegisterAsync(id, request, ct), v => $"/api/v1/marriage/registrations/{v.Id}");

    public static async Task<Results<Ok<MarriageStatistics>, ValidationProblem, ProblemHttpResult>> Statistics(string? region, string? from, string? to,
        MarriageQueries queries, CancellationToken ct)
    {
        var (outcome, value, errors) = await queries.StatisticsAsync(region, from, to, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok(value!),
            Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }

    private static Results<Created<T>, ValidationProblem, ProblemHttpResult> Answer<T>(MarriageResult<T> result, Func<T, string> location) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created(location(result.Value!), result.Value),
        Outcome.Invalid => result.Errors.ToProblem(),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
