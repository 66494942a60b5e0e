using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

public sealed record CreatedRelative(Guid Id, int Matched);

public sealed record CreatedTipOff(Guid Id, DateOnly DueOn);

/// <summary>近亲属备案 register and 举报 handling over the API.</summary>
public static class CheckEndpoints
{
    public static RouteGroupBuilder MapChecks(this RouteGroupBuilder api)
    {
        var relatives = api.MapGroup("/verification/relatives").WithTags("Verification");
        relatives.MapGet("/", Relatives).WithName("Relatives_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("近亲属备案名册（身份证号脱敏），含比对命中数：region、name（干部或亲属姓名）、status=active|ended；page、pageSize（默认且最多2000）、sort=status|region|staff|position|relative|relationship、dir=desc；总数在 X-Total-Count");
        relatives.MapGet("/export.xlsx", VerificationExports.RelativesAsync).WithName("Relatives_Export").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的近亲属备案名册（身份证号脱敏）");
        relatives.MapGet("/report", RelativeReport).WithName("Relatives_Report").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("近亲属备案情况：按乡镇统计备案人数、命中保障对象或申请人数、已核实数");
        relatives.MapPost("/", AddRelative).WithName("Relatives_Add").RequireAuthorization(AssistancePolicies.ManageCheckLists)
            .WithSummary("登记一名干部近亲属，立即与保障对象和在办申请比对（批量请用导入 kind=staff-relatives）");
        relatives.MapPost("/{id:guid}/end", EndRelative).WithName("Relatives_End").RequireAuthorization(AssistancePolicies.ManageCheckLists)
            .WithSummary("撤销备案（干部离任），保留历史");

        api.MapGet("/verification/overview", Overview).WithTags("Verification").WithName("Verification_Overview").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("核查看板：按乡镇和类型统计待处理发现、处理结果、举报和预警（含逾期）");

        var tipOffs = api.MapGroup("/verification/tip-offs").WithTags("Verification").RequireAuthorization(AssistancePolicies.HandleTipOffs);
        tipOffs.MapGet("/", TipOffs).WithName("TipOffs_List")
            .WithSummary("举报：region、overdue=true、householdId、status=received|investigating|concluded|closed、channel、subject（被举报人姓名）；page、pageSize（默认且最多1000）、sort=status|received|due|region|subject|channel、dir=desc；总数在 X-Total-Count");
        tipOffs.MapGet("/export.xlsx", VerificationExports.TipOffsAsync).WithName("TipOffs_Export").WithSummary("导出当前筛选的举报（不含举报人信息）");
        tipOffs.MapGet("/{id:guid}", TipOffDetail).WithName("TipOffs_Get").WithSummary("举报详情（含举报人信息，记审计）");
        tipOffs.MapPost("/", CreateTipOff).WithName("TipOffs_Create").WithSummary("登记举报：channel=phone|letter|box|online|visit，按工作日计算办理期限");
        tipOffs.MapPost("/{id:guid}/{action}", ActOnTipOff).WithName("TipOffs_Act").WithSummary("办理举报：investigate、conclude（result）、feedback");
        return api;
    }

    public static async Task<Ok<VerificationOverviewDto>> Overview(string? region, VerificationOverview overview, CancellationToken ct) =>
        TypedResults.Ok(await overview.GetAsync(region, ct));

    public static async Task<Ok<List<StaffRelativeDto>>> Relatives(string? region, string? name, string? status, int? page, int? pageSize, string? sort,
        string? dir, RelativeRegister register, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await register.PageAsync(region, name, status, PageRequest.From(page, pageSize, sort, dir, 2000, 2000), ct)).WithTotalHeader(response));

    public static async Task<Ok<List<RelativeReportRow>>> RelativeReport(string? region, RelativeRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.ReportAsync(region, ct));

    public static async Task<Results<Created<CreatedRelative>, ValidationProblem>> AddRelative(RelativeRequest request, RelativeRegister register, CancellationToken ct)
    {
        var (id, matched, errors) = await register.AddAsync(request, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/verification/relatives/{created}", new CreatedRelative(created, matched)) : errors.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EndRelative(Guid id, RelativeRegister register, CancellationToken ct) =>
        await register.EndAsync(id, ct) ? TypedResults.NoContent() : ApiProblems.NotFound("备案记录不存在或不在您的管辖范围内");

    public static async Task<Ok<List<TipOffDto>>> TipOffs([AsParameters] TipOffFilter filter, int? page, int? pageSize, string? sort, string? dir,
        TipOffService tipOffs, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await tipOffs.PageAsync(filter, PageRequest.From(page, pageSize, sort, dir, 1000, 1000), ct)).WithTotalHeader(response));

    public static async Task<Results<Ok<TipOffDto>, ProblemHttpResult>> TipOffDetail(Guid id, ClaimsPrincipal user, TipOffService tipOffs, CancellationToken ct) =>
        await tipOffs.GetAsync(id, ct, Roles.All.Where(user.IsInRole)) is { } t ? TypedResults.Ok(t) : ApiProblems.NotFound("举报不存在或不在您的管辖范围内");

    public static async Task<Results<Created<CreatedTipOff>, ValidationProblem>> CreateTipOff(TipOffRequest request, TipOffService tipOffs, CancellationToken ct)
    {
        var (created, errors) = await tipOffs.CreateAsync(request, ct);
        return created is { } t ? TypedResults.Created($"/api/v1/verification/tip-offs/{t.Id}", new CreatedTipOff(t.Id, t.DueOn)) : errors.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ActOnTipOff(Guid id, string action, TipOffActionRequest request, ClaimsPrincipal user,
        TipOffService tipOffs, CancellationToken ct)
    {
        return ApiProblems.NoContentOr(await tipOffs.ActAsync(id, action, request, user.Identity?.Name ?? "", Roles.All.Where(user.IsInRole), ct));
    }
}
