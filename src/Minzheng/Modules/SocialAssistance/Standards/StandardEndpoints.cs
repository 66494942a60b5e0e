using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Standards;

public static class StandardEndpoints
{
    public static RouteGroupBuilder MapStandards(this RouteGroupBuilder api)
    {
        var standards = api.MapGroup("/standards").WithTags("Standards");
        standards.MapPut("/", Put).WithName("Standards_Put").RequireAuthorization(AssistancePolicies.ManageStandards)
            .WithSummary("设置保障标准（按项目 × 区划 × 生效日期；同一日期覆盖，其他日期保留为历史）");
        standards.MapGet("/", List).WithName("Standards_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("保障标准及其历史版本（本区划及上级区划适用的）");
        return api;
    }

    public static async Task<Results<Ok<StandardDto>, Created<StandardDto>, ValidationProblem>> Put(
        StandardRequest request, StandardService standards, CancellationToken ct)
    {
        var (standard, created, errors) = await standards.PutAsync(request, ct);
        if (standard is null)
        {
            return errors.ToProblem();
        }

        return created ? TypedResults.Created($"/api/v1/standards?program={standard.Program}", standard) : TypedResults.Ok(standard);
    }

    public static async Task<Results<Ok<List<StandardDto>>, ValidationProblem>> List(string? program, string? region, StandardService standards,
        CancellationToken ct)
    {
        string? prefix = null;
        if (!string.IsNullOrWhiteSpace(region) && (prefix = RegionCode.ToScopePrefix(region)) is null)
        {
            return ApiProblems.Validation("region", "region 应为12位区划代码或其2、4、6、9位前缀");
        }

        return TypedResults.Ok(await standards.ListAsync(program, prefix, ct));
    }
}
