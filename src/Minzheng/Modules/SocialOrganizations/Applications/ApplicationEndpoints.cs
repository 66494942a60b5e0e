using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>The 登记申请 API under <c>/api/v1/social-organizations/applications</c>; the direct registration endpoints stay for 补录.</summary>
public static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder group)
    {
        var applications = group.MapGroup("/applications");
        applications.MapPost("/", Receive).WithName("SocialOrganizations_ReceiveApplication").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("接收登记申请：procedure 为 establish（成立，字段同成立登记并须填会员数）、change（变更，只填要变更的事项）或 deregister（注销，写明原因）");
        applications.MapGet("/", List).WithName("SocialOrganizations_Applications").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("登记申请列表（分页，X-Total-Count 为总数；status、procedure 筛选，overdue=true 只列超期未决定的）");
        applications.MapGet("/statistics", Statistics).WithName("SocialOrganizations_ApplicationStatistics").RequireAuthorization(SocialOrganizationsModule.Read)
            .WithSummary("登记申请统计：期间内接收、受理、不予受理、准予登记、不予登记、撤回、超期件数及现有在办件数");
        applications.MapGet("/{id:guid}", Get).WithName("SocialOrganizations_Application").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("登记申请详情：申请内容（身份证号脱敏）、受理和决定文书、当前可办理的步骤");
        applications.MapPost("/{id:guid}/{action}", Step).WithName("SocialOrganizations_ApplicationStep").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("办理步骤：accept（受理，起算决定期限）、not-accept（不予受理，须写理由）、approve（准予登记，即办理登记）、refuse（不予登记，须写理由）、withdraw（申请人撤回）");
        return group;
    }

    public static async Task<Results<Created<ReceivedApplication>, ValidationProblem, ProblemHttpResult>> Receive(ReceiveApplicationRequest request,
        ApplicationIntake intake, CancellationToken ct)
    {
        var result = await intake.ReceiveAsync(request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/social-organizations/applications/{result.Value!.Id}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Results<Ok<List<ApplicationRow>>, ValidationProblem>> List(string? status, string? procedure, bool? overdue, string? name, int? page,
        int? pageSize, string? sort, string? dir, ApplicationQueries queries, HttpResponse response, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var found = await queries.ListAsync(new ApplicationFilter(status, procedure, overdue, name), PageRequest.NewestFirst(page, pageSize, sort, dir), errors, ct);
        return found is null ? errors.ToProblem() : TypedResults.Ok(found.WithTotalHeader(response));
    }

    public static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Get(Guid id, ApplicationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.DetailAsync(id, Roles.All.Where(user.IsInRole), ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("登记申请不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Step(Guid id, string action, ApplicationStepRequest request,
        ApplicationDecisions decisions, ClaimsPrincipal user, CancellationToken ct) =>
        OrganizationEndpoints.NoContent(await decisions.StepAsync(id, action, request, Roles.All.Where(user.IsInRole).ToList(), ct));

    public static async Task<Results<Ok<ApplicationStatistics>, ValidationProblem, ProblemHttpResult>> Statistics(string? region, string? from, string? to,
        ApplicationQueries queries, CancellationToken ct)
    {
        var (outcome, value, errors) = await queries.ForAsync(region, from, to, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok(value!),
            Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }
}
