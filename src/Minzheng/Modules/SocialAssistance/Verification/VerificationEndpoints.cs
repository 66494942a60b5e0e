using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

public static class VerificationEndpoints
{
    public static RouteGroupBuilder MapVerification(this RouteGroupBuilder api)
    {
        var findings = api.MapGroup("/verification/findings").WithTags("Verification");
        findings.MapGet("/", List).WithName("Findings_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("核查发现：type=death|exclusion|economic|relative、region、status=open|confirmed|dismissed、name、program；page、pageSize（默认且最多1000）、sort=status|name|region|program|death|created、dir=desc；总数在 X-Total-Count");
        findings.MapGet("/export.xlsx", VerificationExports.FindingsAsync).WithName("Findings_Export").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的核查发现（身份证号脱敏）");
        findings.MapPost("/{id:guid}/resolve", Resolve).WithName("Findings_Resolve").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("处理核查发现：decision=confirm（自死亡次月起停保或重新核定）或 dismiss（写明理由）");
        api.MapPost("/verification/scans", Scan).WithTags("Verification").WithName("Verification_Scan").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("按规则核查：type=exclusion（同一人同时享受互斥项目）");
        return api;
    }

    public static async Task<Results<Ok<ScanResult>, ValidationProblem>> Scan(ScanRequest request, ExclusionScan scan, CancellationToken ct)
    {
        var (result, errors) = await scan.RunAsync(request, ct);
        return result is null ? errors.ToProblem() : TypedResults.Ok(result);
    }

    /// <summary>The API answered up to 1000 findings in one array before it paged: that stays its default page.</summary>
    public const int ApiPageSize = 1000;

    public static async Task<Ok<List<FindingDto>>> List(string? type, string? region, string? status, string? name, string? program, int? page, int? pageSize,
        string? sort, string? dir, FindingService findings, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await findings.PageAsync(new FindingQuery(type, region, status, Name: name, Program: program),
            PageRequest.From(page, pageSize, sort, dir, ApiPageSize, ApiPageSize), ct)).WithTotalHeader(response));

    public static async Task<Results<NoContent, ProblemHttpResult>> Resolve(Guid id, ResolveRequest request, ClaimsPrincipal user, FindingService findings,
        TimeProvider clock, CancellationToken ct)
    {
        return ApiProblems.NoContentOr(await findings.ResolveAsync(id, request, user.Identity?.Name ?? "", clock, ct));
    }
}
