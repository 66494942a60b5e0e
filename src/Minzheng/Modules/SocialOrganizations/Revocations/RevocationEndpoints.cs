using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>The 撤销登记 procedure under <c>/api/v1/social-organizations</c>: 立案 on an organisation, then the case's steps.</summary>
public static class RevocationEndpoints
{
    public static RouteGroupBuilder MapRevocations(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/revocations", Open).WithName("SocialOrganizations_OpenRevocation").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("撤销登记立案：ground 为 fraud（弄虚作假骗取登记）、inactive（一年未开展活动）、serious-violation（违法情节严重）或 other，facts 写明违法事实和证据");
        var cases = group.MapGroup("/revocations");
        cases.MapGet("/", List).WithName("SocialOrganizations_Revocations").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("撤销登记案件列表（分页，X-Total-Count 为总数；status、organizationId 筛选）");
        cases.MapGet("/{id:guid}", Get).WithName("SocialOrganizations_Revocation").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("撤销登记案件详情：依据、事实、告知书、陈述申辩、决定及当前可办理的步骤");
        cases.MapPost("/{id:guid}/{action}", Step).WithName("SocialOrganizations_RevocationStep").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("办理步骤：notify（告知，出具事先告知书，起算陈述申辩期限）、respond（登记陈述申辩、听证或放弃）、revoke（决定撤销登记，须写文号；期限届满或当事人已答复后）、dismiss（决定不予撤销，须写理由）");
        return group;
    }

    public static async Task<Results<Created<OpenedRevocation>, ValidationProblem, ProblemHttpResult>> Open(Guid id, OpenRevocationRequest request,
        RevocationSteps steps, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await steps.OpenAsync(id, request, Roles.All.Where(user.IsInRole).ToList(), ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/social-organizations/revocations/{result.Value!.Id}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Results<Ok<List<RevocationRow>>, ValidationProblem>> List(string? status, Guid? organizationId, int? page, int? pageSize,
        string? sort, string? dir, RevocationQueries queries, HttpResponse response, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var found = await queries.ListAsync(status, organizationId, PageRequest.NewestFirst(page, pageSize, sort, dir), errors, ct);
        return found is null ? errors.ToProblem() : TypedResults.Ok(found.WithTotalHeader(response));
    }

    public static async Task<Results<Ok<RevocationDetail>, ProblemHttpResult>> Get(Guid id, RevocationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.DetailAsync(id, Roles.All.Where(user.IsInRole), ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("撤销登记案件不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Step(Guid id, string action, RevocationStepRequest request,
        RevocationSteps steps, ClaimsPrincipal user, CancellationToken ct) =>
        OrganizationEndpoints.NoContent(await steps.StepAsync(id, action, request, Roles.All.Where(user.IsInRole).ToList(), ct));
}
