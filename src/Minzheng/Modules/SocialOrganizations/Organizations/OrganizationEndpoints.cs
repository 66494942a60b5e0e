using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The 社会组织 API: registration procedures, the register (paged, exportable), statistics; 年检 in <see cref="InspectionEndpoints"/>.</summary>
public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapSocialOrganizations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/social-organizations").WithTags("SocialOrganizations");
        group.MapPost("/", Register).WithName("SocialOrganizations_Register").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("成立登记：校验名称（本登记管理机关内不得重复）、统一社会信用代码、注册资金、法定代表人；发给登记证书编号");
        group.MapGet("/", List).WithName("SocialOrganizations_List").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("社会组织名录（分页，X-Total-Count 为总数；法定代表人身份证号脱敏）");
        group.MapGet("/export.xlsx", OrganizationExport.ExportAsync).WithName("SocialOrganizations_Export").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("按筛选条件导出社会组织名录（脱敏，记审计）");
        group.MapGet("/name-check", NameCheck).WithName("SocialOrganizations_NameCheck").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("名称查重：本登记管理机关内相同或包含该名称的已登记组织");
        group.MapGet("/statistics", Statistics).WithName("SocialOrganizations_Statistics").RequireAuthorization(SocialOrganizationsModule.Read)
            .WithSummary("社会组织统计：期间内成立（按类型）、注销、撤销登记数及期末在册数");
        group.MapGet("/{id:guid}", Get).WithName("SocialOrganizations_Get").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("社会组织详情：登记事项、变更历史、历年年检结论");
        group.MapPost("/{id:guid}/changes", Change).WithName("SocialOrganizations_Change").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("变更登记：名称、业务主管单位、住所、注册资金、法定代表人；逐项保留变更前后内容");
        group.MapPost("/{id:guid}/deregister", (Guid id, EndOrganizationRequest request, OrganizationChanges changes, ClaimsPrincipal user, CancellationToken ct) =>
                End(id, OrganizationProcedure.Deregister, request, changes, user, ct))
            .WithName("SocialOrganizations_Deregister").RequireAuthorization(SocialOrganizationsModule.Register).WithSummary("注销登记（须写明原因）");
        group.MapPut("/{id:guid}/decoupling", async (Guid id, DecouplingRequest request, OrganizationSupervision supervision, CancellationToken ct) =>
                NoContent(await supervision.SetDecouplingAsync(id, request, ct)))
            .WithName("SocialOrganizations_Decoupling").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("行业协会商会脱钩状态：已脱钩（写日期）、拟脱钩、暂不脱钩（写原因）");
        group.MapPut("/{id:guid}/evaluation", async (Guid id, EvaluationRequest request, OrganizationSupervision supervision, CancellationToken ct) =>
                NoContent(await supervision.SetEvaluationAsync(id, request, ct)))
            .WithName("SocialOrganizations_Evaluation").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("等级评估结论 1A–5A 及有效期（默认5年）");
        group.MapPut("/{id:guid}/decoupling/tasks/{task}", async (Guid id, string task, DecouplingTaskRequest request, DecouplingWork work, CancellationToken ct) =>
                NoContent(await work.CompleteAsync(id, task, request, ct)))
            .WithName("SocialOrganizations_DecouplingTask").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("脱钩分项任务完成：institution（机构分离）、functions（职能分离）、assets-finance（资产财务分离）、personnel（人员管理分离）、party-building（党建、外事等事项分离），各登记一次");
        group.MapGet("/decoupling/progress", DecouplingProgress).WithName("SocialOrganizations_DecouplingProgress").RequireAuthorization(SocialOrganizationsModule.Read)
            .WithSummary("脱钩进度：截至 asOf（默认今天）列入名单的行业协会商会各分项任务完成家数、五项全部完成家数及逐家完成情况");
        group.MapGet("/decoupling", async (OrganizationSupervision supervision, CancellationToken ct) => TypedResults.Ok(await supervision.DecouplingSummaryAsync(ct)))
            .WithName("SocialOrganizations_DecouplingSummary").RequireAuthorization(SocialOrganizationsModule.Read)
            .WithSummary("行业协会商会脱钩统计：已脱钩、拟脱钩、暂不脱钩家数");
        group.MapApplications();
        group.MapRevocations();
        group.MapInspections();
        group.MapOversight();
        return api;
    }

    public static async Task<Results<Created<RegisteredOrganization>, ValidationProblem, ProblemHttpResult>> Register(RegisterOrganizationRequest request,
        OrganizationRegistry registry, CancellationToken ct)
    {
        var result = await registry.RegisterAsync(request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/social-organizations/{result.Value!.Id}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Results<Ok<List<OrganizationRow>>, ValidationProblem>> List(string? name, string? kind, string? status, int? page, int? pageSize,
        string? sort, string? dir, OrganizationQueries queries, HttpResponse response, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var found = await queries.ListAsync(new OrganizationFilter(name, kind, status), PageRequest.From(page, pageSize, sort, dir), errors, ct);
        return found is null ? errors.ToProblem() : TypedResults.Ok(found.WithTotalHeader(response));
    }

    public static async Task<Results<Ok<OrganizationDetail>, ProblemHttpResult>> Get(Guid id, OrganizationQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("社会组织不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<NameCheckResult>, ValidationProblem>> NameCheck(string? name, OrganizationRegistry registry, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var checkedName = OrganizationInput.Name(name, "name", errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var similar = await registry.SimilarNamesAsync(checkedName!, ct);
        return TypedResults.Ok(new NameCheckResult(!similar.Contains(checkedName!, StringComparer.Ordinal), similar));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Change(Guid id, ChangeOrganizationRequest request, OrganizationChanges changes,
        ClaimsPrincipal user, CancellationToken ct) => NoContent(await changes.ChangeAsync(id, request, Roles.All.Where(user.IsInRole), ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> End(Guid id, string action, EndOrganizationRequest request,
        OrganizationChanges changes, ClaimsPrincipal user, CancellationToken ct) => NoContent(await changes.EndAsync(id, action, request, Roles.All.Where(user.IsInRole), ct));

    public static async Task<Results<Ok<SocialOrganizationStatistics>, ValidationProblem, ProblemHttpResult>> Statistics(string? region, string? from, string? to,
        OrganizationStatistics statistics, CancellationToken ct)
    {
        var (outcome, value, errors) = await statistics.ForAsync(region, from, to, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok(value!),
            Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> NoContent<T>(OrgResult<T> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.NoContent(),
        Outcome.Invalid => result.Errors.ToProblem(),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };

    public static async Task<Results<Ok<DecouplingProgress>, ValidationProblem>> DecouplingProgress(string? asOf, DecouplingWork work, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = string.IsNullOrWhiteSpace(asOf) ? Platform.Calendar.ChinaTime.Today(clock) : InputValues.ParseDate(asOf, "asOf", true, errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await work.ProgressAsync(day!.Value, ct));
    }

    public sealed record NameCheckResult(bool Available, IReadOnlyList<string> SimilarNames);
}
