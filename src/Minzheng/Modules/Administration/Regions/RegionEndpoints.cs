using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Regions;

public sealed record CreateRegionRequest(string? Code, string? Name, string? ParentCode);

public static class RegionEndpoints
{
    public static RouteGroupBuilder MapRegions(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Regions");
        regions.MapPost("/", Create).WithName("Regions_Create").RequireAuthorization(Policies.ManageSystem)
            .WithSummary("新增区划（系统管理员）");
        regions.MapGet("/{code}/children", Children).WithName("Regions_Children").WithSummary("下级区划");
        regions.MapGet("/roots", Roots).WithName("Regions_Roots").WithSummary("省级区划");
        return api;
    }

    public static async Task<Results<Created<RegionDto>, ValidationProblem, ProblemHttpResult>> Create(
        CreateRegionRequest request, RegionService regions, CancellationToken ct)
    {
        var errors = await regions.ValidateNewAsync(request.Code, request.Name, request.ParentCode, ct);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (await regions.ExistsAsync(request.Code!, ct))
        {
            return ApiProblems.Conflict($"区划代码“{request.Code}”已存在");
        }

        var region = await regions.CreateAsync(request.Code!, request.Name!, ct);
        return TypedResults.Created($"/api/v1/regions/{region.Code}", RegionService.ToDto(region));
    }

    public static async Task<Results<Ok<List<RegionDto>>, ProblemHttpResult>> Children(string code, RegionService regions, CancellationToken ct)
    {
        if (!RegionCode.TryGetLevel(code, out _, out var error))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, error);
        }

        if (!await regions.ExistsAsync(code, ct))
        {
            return ApiProblems.NotFound($"区划“{code}”不存在");
        }

        return TypedResults.Ok(await regions.ChildrenAsync(code, ct));
    }

    public static async Task<Ok<List<RegionDto>>> Roots(RegionService regions, CancellationToken ct) =>
        TypedResults.Ok(await regions.ChildrenAsync(null, ct));
}
