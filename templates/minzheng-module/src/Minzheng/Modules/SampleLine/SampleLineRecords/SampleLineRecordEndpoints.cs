using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SampleLine.SampleLineRecords;

public sealed record SampleLineActionRequest(string? Reason);

public sealed record CreatedSampleLineRecord(Guid Id);

public static class SampleLineRecordEndpoints
{
    public static RouteGroupBuilder MapSampleLineRecords(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/sample-line/records").RequireAuthorization(SampleLineModule.Work);
        records.MapPost("/", Create).WithName("SampleLine_Create").WithSummary("登记示例业务");
        records.MapGet("/", List).WithName("SampleLine_List").WithSummary("本辖区示例业务，按办理期限排序，含当前用户可办理的步骤");
        records.MapPost("/{id:guid}/{action}", Act).WithName("SampleLine_Act").WithSummary("办理步骤：accept 受理、close 办结（须填写理由）");
        return api;
    }

    public static async Task<Results<Created<CreatedSampleLineRecord>, ValidationProblem>> Create(CreateSampleLineRecord request, SampleLineRecordService records,
        CancellationToken ct)
    {
        var (_, id, errors) = await records.CreateAsync(request, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/sample-line/records/{created}", new CreatedSampleLineRecord(created)) : errors.ToProblem();
    }

    public static async Task<Ok<List<SampleLineRecordDto>>> List(ClaimsPrincipal user, SampleLineRecordService records, CancellationToken ct) =>
        TypedResults.Ok(await records.ListAsync(Roles.All.Where(user.IsInRole), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Act(Guid id, string action, SampleLineActionRequest? request, ClaimsPrincipal user,
        SampleLineRecordService records, CancellationToken ct) =>
        ApiProblems.NoContentOr(await records.ActAsync(id, action, request?.Reason, Roles.All.Where(user.IsInRole), ct));
}
