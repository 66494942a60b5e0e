using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary>A standard as the API lists it.</summary>
public sealed record StandardRow(Guid Id, string Category, string CategoryName, int? DisabilityGrade, string? DisabilityNature, string RegionPrefix,
    string EffectiveMonth, decimal NationalAmount, decimal LocalAmount, string Per, decimal MonthlyAmount, string? Citation, bool BackPay, int Adjusted, int Enrolled)
{
    public static StandardRow Of(VeteranStandard s) => new(s.Id, s.Category, VeteranCategories.Label(s.Category, s.DisabilityGrade, s.DisabilityNature),
        s.DisabilityGrade, s.DisabilityNature is { } n ? InputValues.Code(n) : null, s.RegionPrefix, EntitlementQueries.Month(s.EffectiveMonth), s.NationalAmount,
        s.LocalAmount, s.PerYear ? "year" : "month", s.MonthlyAmount, s.Citation, s.BackPay, s.Adjusted, s.Enrolled);
}

/// <summary>The 优抚安置 API under <c>/api/v1/veterans</c>: entitled persons, deaths, standards and raises, the 退役金 calculator.</summary>
public static class VeteranEndpoints
{
    public static RouteGroupBuilder MapVeterans(this RouteGroupBuilder api)
    {
        var veterans = api.MapGroup("/veterans").WithTags("Veterans").RequireAuthorization(VeteransModule.Manage);
        veterans.MapPost("/entitlements", Register).WithName("Veterans_RegisterEntitlement")
            .WithSummary("登记优抚对象：姓名、身份证号、区划、类别（残疾军人另填等级1–10和性质 war/duty/illness，因病仅1–6级）、服役经历、立功、证件编号；有标准的即纳入发放");
        veterans.MapGet("/entitlements", List).WithName("Veterans_ListEntitlements")
            .WithSummary("优抚对象：name、region、category、status=active|ended|deceased；page、pageSize、sort、dir；总数在 X-Total-Count");
        veterans.MapGet("/entitlements/{id:guid}", Get).WithName("Veterans_GetEntitlement").WithSummary("优抚对象详情及计算步骤");
        veterans.MapPost("/entitlements/{id:guid}/death", Death).WithName("Veterans_RecordDeath")
            .WithSummary("登记死亡：次月起停发；享受抚恤金的一次性发放6个月抚恤金作为丧葬补助");
        veterans.MapGet("/standards", Standards).WithName("Veterans_ListStandards").WithSummary("抚恤补助标准：category");
        veterans.MapPost("/standards", Raise).WithName("Veterans_SetStandard")
            .WithSummary("新标准（提标）：自执行月份起对该类别全部对象一次性调整；早于已发放月份的须 backPay=true，由下次发放生成补发");
        Resettlement.DischargeEndpoints.MapDischarge(veterans);
        Resettlement.PlacementEndpoints.MapPlacements(veterans);
        api.MapGet("/veterans/statistics", Statistics).WithTags("Veterans").WithName("Veterans_Statistics").RequireAuthorization(VeteransModule.Read)
            .WithSummary("优抚统计：截至期末在册重点优抚对象人数和月发放金额（分类别），期内新增、去世人数和丧葬补助");
        return api;
    }

    /// <summary>Field errors of this module answer 422 with <c>errors</c> keyed by field.</summary>
    public static ProblemHttpResult Unprocessable(FieldErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "提交的数据有误",
            Detail = string.Join("；", errors.Messages),
        });

    internal static ProblemHttpResult Refusal<T>(VeteranResult<T> r) => r.Outcome == Outcome.Invalid ? Unprocessable(r.Errors) : ApiProblems.For(r.Outcome, r.Message!);

    public static async Task<Results<Created<CreatedEntitlement>, ProblemHttpResult>> Register(EntitlementRequest request, EntitlementService service, CancellationToken ct)
    {
        var result = await service.RegisterAsync(request, ct);
        return result.Outcome == Outcome.Done ? TypedResults.Created($"/api/v1/veterans/entitlements/{result.Value!.Id}", result.Value) : Refusal(result);
    }

    public static async Task<Results<Ok<List<EntitlementRow>>, ValidationProblem>> List([AsParameters] EntitlementFilter filter, int? page, int? pageSize,
        string? sort, string? dir, EntitlementQueries queries, HttpResponse response, CancellationToken ct) =>
        await queries.PageAsync(filter, PageRequest.NewestFirst(page, pageSize, sort, dir), ct) is { } found
            ? TypedResults.Ok(found.WithTotalHeader(response))
            : ApiProblems.Validation("query", "region 应为区划代码或其前缀，category 应为优抚类别代码，status 应为 active、ended 或 deceased");

    public static async Task<Results<Ok<EntitlementDetail>, ProblemHttpResult>> Get(Guid id, EntitlementQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } e ? TypedResults.Ok(EntitlementQueries.Detail(e)) : ApiProblems.NotFound("优抚对象不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<DeathResult>, ProblemHttpResult>> Death(Guid id, DeathRequest request, System.Security.Claims.ClaimsPrincipal user,
        EntitlementService service, CancellationToken ct)
    {
        var result = await service.RecordDeathAsync(id, request, user.Identity?.Name ?? "", ct);
        return result.Outcome == Outcome.Done ? TypedResults.Ok(result.Value!) : Refusal(result);
    }

    public static async Task<Ok<List<StandardRow>>> Standards(string? category, EntitlementQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.StandardsAsync(category, ct)).Select(StandardRow.Of).ToList());

    public static async Task<Results<Ok<VeteranFigures>, ProblemHttpResult>> Statistics(string? region, string? from, string? to, VeteranStatistics statistics,
        CancellationToken ct)
    {
        var (outcome, value, errors) = await statistics.ComputeAsync(region, from, to, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok(value!),
            Outcome.Invalid => Unprocessable(errors),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }

    public static async Task<Results<Created<StandardResult>, ProblemHttpResult>> Raise(StandardRequest request, System.Security.Claims.ClaimsPrincipal user,
        StandardRaiseService service, CancellationToken ct)
    {
        var result = await service.ApplyAsync(request, user.Identity?.Name ?? "", ct);
        return result.Outcome == Outcome.Done ? TypedResults.Created($"/api/v1/veterans/standards/{result.Value!.Id}", result.Value) : Refusal(result);
    }
}
