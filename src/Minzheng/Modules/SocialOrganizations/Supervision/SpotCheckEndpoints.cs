using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>“双随机” draws over HTTP, under <c>/api/v1/social-organizations/spot-checks</c> (the registrar's group).</summary>
public static class SpotCheckEndpoints
{
    public static void MapSpotChecks(this RouteGroupBuilder staff)
    {
        var draws = staff.MapGroup("/spot-checks");
        draws.MapPost("/", Draw).WithName("SocialOrganizations_DrawSpotCheck")
            .WithSummary("双随机抽取：从本县登记在册的社会组织中随机抽取 count 家，每家从执法人员名单（inspectors，至少两名）中随机抽取两名检查人员");
        draws.MapGet("/", async (SpotCheckDraws service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("SocialOrganizations_SpotChecks").WithSummary("双随机抽取记录（最近200次），含已登记检查的家数");
        draws.MapGet("/{id:guid}", Detail).WithName("SocialOrganizations_SpotCheck")
            .WithSummary("一次抽取的结果：抽中的组织、检查人员，以及抽取后是否已登记“双随机抽查”方式的监督检查");
    }

    public static async Task<Results<Created<DrawnSpotCheck>, ValidationProblem, ProblemHttpResult>> Draw(SpotCheckDrawRequest request, SpotCheckDraws service,
        CancellationToken ct)
    {
        var result = await service.DrawAsync(request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/social-organizations/spot-checks/{result.Value!.Id}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Results<Ok<SpotCheckDrawDetail>, ProblemHttpResult>> Detail(Guid id, SpotCheckDraws service, CancellationToken ct) =>
        await service.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("抽取记录不存在或不在您的管辖范围内");
}
