using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary><c>/api/v1/funeral/facilities</c>: the county's 殡仪馆, 公墓 and 骨灰堂.</summary>
public static class FacilityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var facilities = api.MapGroup("/funeral/facilities").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        facilities.MapGet("/", List).WithName("Funeral_ListFacilities").WithSummary("殡葬设施（殡仪馆、公墓、骨灰堂）及批准文号、设计容量");
        facilities.MapPost("/", Add).WithName("Funeral_AddFacility").WithSummary("登记殡葬设施：名称、类别、批准文号、批准日期、设计容量、地址");
    }

    public static async Task<Ok<List<FacilityRow>>> List(FacilityService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct));

    public static async Task<Results<Created<FacilityRow>, ProblemHttpResult>> Add(FacilityRequest request, FacilityService service, CancellationToken ct)
    {
        var result = await service.AddAsync(request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/funeral/facilities/{result.Value!.Id}", result.Value),
            Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }
}
