using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Confirmations;

/// <summary>年度确认 under <c>/api/v1/veterans/confirmations</c>: the county opens and applies a campaign, townships record outcomes.</summary>
public static class ConfirmationEndpoints
{
    public static RouteGroupBuilder MapConfirmations(this RouteGroupBuilder api)
    {
        var confirmations = api.MapGroup("/veterans/confirmations").WithTags("Veterans").RequireAuthorization(VeteransModule.Confirm);
        confirmations.MapPost("/", Open).WithName("Veterans_OpenConfirmation").RequireAuthorization(VeteransModule.Manage)
            .WithSummary("开展年度确认：年度、区划、确认截止日期、停发起始月份；名单为该区划全部领取定期生活补助的在册优抚对象");
        confirmations.MapGet("/", List).WithName("Veterans_ListConfirmations").WithSummary("年度确认活动");
        confirmations.MapGet("/{id:guid}", Get).WithName("Veterans_GetConfirmation")
            .WithSummary("年度确认名单（本人管辖区划内）及按结果计数；outcome=pending|confirmed|ended 只列该结果");
        confirmations.MapPut("/{id:guid}/items/{itemId:guid}", Record).WithName("Veterans_RecordConfirmation")
            .WithSummary("登记确认结果：outcome=confirmed（继续享受）或 ended（终止，须选 reason），备注；生效前可修改");
        confirmations.MapPost("/{id:guid}/apply", Apply).WithName("Veterans_ApplyConfirmation").RequireAuthorization(VeteransModule.Manage)
            .WithSummary("确认生效：全部登记后，终止的自停发起始月份起停发（已发放的在下次发放中追回），一次完成");
        return api;
    }

    public static async Task<Results<Created<OpenedConfirmation>, ProblemHttpResult>> Open(OpenConfirmationRequest request, ConfirmationService service, CancellationToken ct)
    {
        var r = await service.OpenAsync(request, ct);
        return r.Outcome == Outcome.Done ? TypedResults.Created($"/api/v1/veterans/confirmations/{r.Value!.Id}", r.Value) : VeteranEndpoints.Refusal(r);
    }

    public static async Task<Ok<List<ConfirmationCampaignRow>>> List(ConfirmationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct));

    public static async Task<Results<Ok<ConfirmationDetail>, ProblemHttpResult>> Get(Guid id, string? outcome, ConfirmationQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, outcome, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("年度确认不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ProblemHttpResult>> Record(Guid id, Guid itemId, ConfirmationRequest request, ConfirmationService service, CancellationToken ct)
    {
        var r = await service.RecordAsync(id, itemId, request, ct);
        return r.Outcome == Outcome.Done ? TypedResults.NoContent() : VeteranEndpoints.Refusal(r);
    }

    public static async Task<Results<Ok<AppliedConfirmation>, ProblemHttpResult>> Apply(Guid id, ClaimsPrincipal user, ConfirmationService service, CancellationToken ct)
    {
        var r = await service.ApplyAsync(id, user.Identity?.Name ?? "", ct);
        return r.Outcome == Outcome.Done ? TypedResults.Ok(r.Value!) : VeteranEndpoints.Refusal(r);
    }
}
