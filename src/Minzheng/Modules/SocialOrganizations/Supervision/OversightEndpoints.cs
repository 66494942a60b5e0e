using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>监督管理 over HTTP, under <c>/api/v1/social-organizations</c>: complaints, 监督检查, penalties, 活动异常名录 and 严重违法失信名单.</summary>
public static class OversightEndpoints
{
    public static RouteGroupBuilder MapOversight(this RouteGroupBuilder group)
    {
        var staff = group.MapGroup("").RequireAuthorization(SocialOrganizationsModule.Register);
        staff.MapSpotChecks();
        staff.MapGet("/listings", Current).WithName("SocialOrganizations_CurrentListings")
            .WithSummary("现列入活动异常名录或严重违法失信名单的组织（list=abnormal|dishonest，不填为两者）");
        staff.MapPost("/{id:guid}/complaints", async (Guid id, ComplaintRequest request, OrganizationOversight o, CancellationToken ct) =>
                Created(id, "complaints", await o.ReceiveComplaintAsync(id, request, ct)))
            .WithName("SocialOrganizations_ReceiveComplaint").WithSummary("登记投诉：收到日期、投诉人、投诉内容");
        staff.MapPost("/{id:guid}/complaints/{complaintId:guid}/handling", async (Guid id, Guid complaintId, ComplaintHandlingRequest request,
                OrganizationOversight o, CancellationToken ct) => OrganizationEndpoints.NoContent(await o.HandleComplaintAsync(id, complaintId, request, ct)))
            .WithName("SocialOrganizations_HandleComplaint").WithSummary("登记投诉处理结果和办结日期（只能登记一次）");
        staff.MapPost("/{id:guid}/checks", async (Guid id, CheckRequest request, OrganizationChecks checks, CancellationToken ct) =>
                Created(id, "checks", await checks.RecordAsync(id, request, ct)))
            .WithName("SocialOrganizations_RecordCheck")
            .WithSummary("登记监督检查：检查日期、检查方式（现场检查、书面检查、双随机抽查、专项检查）、检查人员（至少两名）、检查情况；发现问题的可责令限期整改（rectifyBy）");
        staff.MapPost("/{id:guid}/checks/{checkId:guid}/rectification", async (Guid id, Guid checkId, RectificationRequest request, OrganizationChecks checks,
                CancellationToken ct) => OrganizationEndpoints.NoContent(await checks.RectifiedAsync(id, checkId, request, ct)))
            .WithName("SocialOrganizations_CheckRectified").WithSummary("登记监督检查责令整改的完成日期和整改情况（只能登记一次）");
        staff.MapPost("/{id:guid}/penalties", async (Guid id, PenaltyRequest request, OrganizationOversight o, ClaimsPrincipal user, CancellationToken ct) =>
                Created(id, "penalties", await o.PenalizeAsync(id, request, Roles.All.Where(user.IsInRole), ct)))
            .WithName("SocialOrganizations_Penalize")
            .WithSummary("行政处罚：警告、罚款（金额）、限期停止活动（期限）、撤销登记；须有行政处罚决定书文号（否则422），文号在本县内不得重复（409）");
        staff.MapPost("/{id:guid}/listings", async (Guid id, ListingRequest request, OrganizationOversight o, CancellationToken ct) =>
                Created(id, "listings", await o.ListAsync(id, request, ct)))
            .WithName("SocialOrganizations_AddListing").WithSummary("列入活动异常名录或严重违法失信名单（已在该名录中的409）");
        staff.MapPost("/{id:guid}/listings/{listingId:guid}/removal", async (Guid id, Guid listingId, RemovalRequest request, OrganizationOversight o,
                CancellationToken ct) => OrganizationEndpoints.NoContent(await o.RemoveAsync(id, listingId, request, ct)))
            .WithName("SocialOrganizations_Delist").WithSummary("移出名录：移出日期和事由");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<CurrentListingRow>>, ValidationProblem>> Current(string? list, OversightQueries queries, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var which = InputValues.ParseOptional<SupervisionList>(list, "list", "list 应为 abnormal（活动异常名录）或 dishonest（严重违法失信名单）", errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await queries.CurrentAsync(which, ct));
    }

    private static Results<Created<CreatedRecord>, ValidationProblem, ProblemHttpResult> Created(Guid id, string what, OrgResult<CreatedRecord> result) =>
        result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/social-organizations/{id}/{what}/{result.Value!.Id}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
}
