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
            .WithSummary("核查发现：type=death|exclusion、region、status=open|confirmed|dismissed");
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

    public static async Task<Ok<List<FindingDto>>> List(string? type, string? region, string? status, FindingService findings, CancellationToken ct) =>
        TypedResults.Ok(await findings.ListAsync(type, region, status, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Resolve(Guid id, ResolveRequest request, ClaimsPrincipal user, FindingService findings,
        TimeProvider clock, CancellationToken ct)
    {
        return ApiProblems.NoContentOr(await findings.ResolveAsync(id, request, user.Identity?.Name ?? "", clock, ct));
    }
}
