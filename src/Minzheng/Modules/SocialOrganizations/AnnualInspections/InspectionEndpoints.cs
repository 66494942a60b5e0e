using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>年检 under <c>/social-organizations/inspections</c>: open a year, receive reports, review them, the year's figures.</summary>
public static class InspectionEndpoints
{
    public static RouteGroupBuilder MapInspections(this RouteGroupBuilder group)
    {
        var inspections = group.MapGroup("/inspections");
        inspections.MapPost("/", Open).WithName("SocialOrganizations_OpenInspection").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("开启年度年检：通知当年6月30日前成立且登记状态正常的全部社会组织");
        inspections.MapGet("/{year:int}", Summary).WithName("SocialOrganizations_InspectionSummary").RequireAuthorization(SocialOrganizationsModule.Read)
            .WithSummary("年检统计：通知、参检、通过（合格与基本合格）、整改、不合格家数");
        inspections.MapGet("/{year:int}/entries", Entries).WithName("SocialOrganizations_InspectionEntries").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("年检名单（分页；status 筛选：notified、submitted、qualified、basically-qualified、rectifying、unqualified）");
        inspections.MapPost("/{year:int}/entries/{organizationId:guid}/report", Report).WithName("SocialOrganizations_InspectionReport")
            .RequireAuthorization(SocialOrganizationsModule.Register).WithSummary("接收年度工作报告（收入、支出、净资产、专职人员、活动情况）");
        inspections.MapPost("/{year:int}/entries/{organizationId:guid}/review", Review).WithName("SocialOrganizations_InspectionReview")
            .RequireAuthorization(SocialOrganizationsModule.Register).WithSummary("年检审查结论：合格、基本合格、限期整改（须写期限）、不合格（须写理由）");
        inspections.MapPost("/{year:int}/publication", Publish).WithName("SocialOrganizations_PublishInspection").RequireAuthorization(SocialOrganizationsModule.Register)
            .WithSummary("公告年检结果（每年度一次）：已报送的报告须全部审查，且报送截止日期已过或全部已报送；公告后公众可在年检结果公告页查看");
        return group;
    }

    public static async Task<Results<Created<OpenedCampaign>, ValidationProblem, ProblemHttpResult>> Open(OpenCampaignRequest request, InspectionService service,
        CancellationToken ct)
    {
        var result = await service.OpenAsync(request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/social-organizations/inspections/{result.Value!.Year}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Results<Ok<InspectionSummary>, ValidationProblem, ProblemHttpResult>> Summary(int year, string? region, InspectionQueries queries,
        IRegionScope scope, CancellationToken ct)
    {
        var prefix = string.IsNullOrWhiteSpace(region) ? scope.Prefix : RegionCode.ToScopePrefix(region.Trim());
        if (prefix is null)
        {
            return ApiProblems.Validation("region", "region 应为12位统计用区划代码或其有效前缀（如 360482）");
        }

        return prefix.StartsWith(scope.Prefix, StringComparison.Ordinal)
            ? TypedResults.Ok(await queries.SummaryAsync(year, prefix, ct))
            : ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内");
    }

    public static async Task<Results<Ok<List<InspectionRow>>, ValidationProblem>> Entries(int year, string? status, int? page, int? pageSize, InspectionQueries queries,
        HttpResponse response, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var s = InputValues.ParseOptional<InspectionStatus>(status, "status", "status 应为 notified、submitted、qualified、basically-qualified、rectifying 或 unqualified", errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok((await queries.RowsAsync(year, s, PageRequest.From(page, pageSize, null, null), ct)).WithTotalHeader(response));
    }

    public static async Task<Results<Ok<PublishedInspection>, ValidationProblem, ProblemHttpResult>> Publish(int year, PublishInspectionRequest request,
        InspectionPublication publication, CancellationToken ct)
    {
        var result = await publication.PublishAsync(year, request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Ok(result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Report(int year, Guid organizationId, InspectionReportRequest request,
        InspectionService service, CancellationToken ct) => OrganizationEndpoints.NoContent(await service.ReportAsync(year, organizationId, request, ct));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Review(int year, Guid organizationId, InspectionReviewRequest request,
        InspectionService service, CancellationToken ct) => OrganizationEndpoints.NoContent(await service.ReviewAsync(year, organizationId, request, ct));
}
