using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

public sealed record CreatedMonitored(Guid Id);

public sealed record WarningScanRequest(string? RegionCode);

public static class MonitoringEndpoints
{
    public static RouteGroupBuilder MapMonitoring(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/monitoring").WithTags("Monitoring");
        group.MapGet("/households", Households).WithName("Monitoring_Households").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("监测对象：低保边缘、刚性支出困难、防止返贫监测户：region、householdId、category、status=active（默认）|ended|all、name（户主姓名）；page、pageSize（默认且最多2000）、sort=region|head|category|registered|expense、dir=desc；总数在 X-Total-Count");
        group.MapGet("/households/export.xlsx", MonitoringExports.MonitoredAsync).WithName("Monitoring_ExportHouseholds").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的监测对象");
        group.MapPost("/households", Register).WithName("Monitoring_Register").RequireAuthorization(AssistancePolicies.CaseWork)
            .WithSummary("纳入监测：householdId、category=marginal|expenditure|at-risk、reason、annualMedicalExpense");
        group.MapPost("/households/{id:guid}/end", End).WithName("Monitoring_End").RequireAuthorization(AssistancePolicies.CaseWork).WithSummary("退出监测（保留历史）");
        group.MapPost("/scans", Scan).WithName("Monitoring_Scan").RequireAuthorization(AssistancePolicies.ReviewOutcomes)
            .WithSummary("运行预警规则，生成主动发现清单（每条预警只生成一次）");
        group.MapGet("/warnings", Warnings).WithName("Monitoring_Warnings").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("主动发现清单：region、status=open|referred|dismissed、householdId、rule、name（户主姓名）；page、pageSize（默认且最多2000）、sort=status|due|raised|region|head|rule、dir=desc；总数在 X-Total-Count");
        group.MapGet("/warnings/export.xlsx", MonitoringExports.WarningsAsync).WithName("Monitoring_ExportWarnings").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的主动发现清单");
        group.MapPost("/warnings/{id:guid}/resolve", Resolve).WithName("Monitoring_Resolve").RequireAuthorization(AssistancePolicies.ReviewOutcomes)
            .WithSummary("处理预警：decision=refer（已转入申请，可附 caseId）或 dismiss（写明核实情况）");
        return api;
    }

    /// <summary>Both lists answered up to 2000 rows in one array before they paged: that stays their default page.</summary>
    public const int ApiPageSize = 2000;

    public static async Task<Ok<List<MonitoredDto>>> Households([AsParameters] MonitoredFilter filter, int? page, int? pageSize, string? sort, string? dir,
        MonitoringQueries queries, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await queries.MonitoredAsync(filter, PageRequest.From(page, pageSize, sort, dir, ApiPageSize, ApiPageSize), ct)).WithTotalHeader(response));

    public static async Task<Results<Created<CreatedMonitored>, ValidationProblem>> Register(MonitorRequest request, MonitoringService monitoring, CancellationToken ct)
    {
        var (id, errors) = await monitoring.RegisterAsync(request, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/monitoring/households/{created}", new CreatedMonitored(created)) : errors.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> End(Guid id, MonitoringService monitoring, CancellationToken ct) =>
        await monitoring.EndAsync(id, ct) ? TypedResults.NoContent() : ApiProblems.NotFound("监测记录不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<WarningScanResult>, ValidationProblem>> Scan(WarningScanRequest request, MonitoringService monitoring, CancellationToken ct)
    {
        var (result, errors) = await monitoring.ScanAsync(request.RegionCode, ct);
        return result is null ? errors.ToProblem() : TypedResults.Ok(result);
    }

    public static async Task<Ok<List<WarningDto>>> Warnings([AsParameters] WarningFilter filter, int? page, int? pageSize, string? sort, string? dir,
        MonitoringQueries queries, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await queries.WarningsAsync(filter, PageRequest.From(page, pageSize, sort, dir, ApiPageSize, ApiPageSize), ct)).WithTotalHeader(response));

    public static async Task<Results<NoContent, ProblemHttpResult>> Resolve(Guid id, WarningDecision decision, ClaimsPrincipal user, MonitoringService monitoring,
        CancellationToken ct)
    {
        return ApiProblems.NoContentOr(await monitoring.ResolveAsync(id, decision, user.Identity?.Name ?? "", ct));
    }
}
