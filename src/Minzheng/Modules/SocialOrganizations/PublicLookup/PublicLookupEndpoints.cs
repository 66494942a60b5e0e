using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.PublicLookup;

/// <summary>The anonymous look-up over HTTP, under the platform's rate limiter like the public marriage booking.</summary>
public static class PublicLookupEndpoints
{
    /// <summary>The rate-limit policy of the public look-up API and page.</summary>
    public const string Policy = "social-organizations-public-lookup";

    /// <summary>
    /// Every look-up counts, reads included: the answer is the product here (unlike the booking's free places), and a
    /// limit per client address and minute stops anyone copying the register out by short queries.
    /// </summary>
    public static void AddRateLimit(IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("SocialOrganizations:PublicLookupsPerMinute", 30),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));

    public static void MapPublicLookup(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public/social-organizations").WithTags("SocialOrganizationsPublic").AllowAnonymous().RequireRateLimiting(Policy);
        group.MapGet("/", Search).WithName("SocialOrganizations_PublicLookup")
            .WithSummary("公众查询（无需登录）：按名称（至少2个字）或统一社会信用代码查询，只返回名称、类型、法定代表人姓名、成立登记日期、登记状态和最近一次年检结论，最多20条");
        group.MapGet("/inspection-results", InspectionResults).WithName("SocialOrganizations_PublicInspectionResults")
            .WithSummary("年检结果公告（无需登录）：已公告年度的结果名单（合格、基本合格、不合格、未参加年检），一次一个登记管理机关；year 缺省为最近公告的年度，authority 为6位县级区划代码");
        group.MapGet("/spot-check-results", SpotCheckResults).WithName("SocialOrganizations_PublicSpotCheckResults")
            .WithSummary("双随机抽查结果公示（无需登录）：一个登记管理机关某年度的各次抽取（可抽总数、抽取家数）和已检查组织的检查日期与结论（未发现问题、责令限期整改、已整改），不含检查发现的具体问题和执法人员；year 缺省为最近有抽取的年度");
    }

    public static async Task<Results<Ok<PublicSpotCheckResults>, ValidationProblem>> SpotCheckResults(int? year, string? authority, PublishedSpotChecks published,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var result = await published.ReadAsync(year, authority?.Trim(), errors, ct);
        return result is null ? errors.ToProblem() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<PublicInspectionResults>, ValidationProblem>> InspectionResults(int? year, string? authority, PublishedInspections published,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var result = await published.ReadAsync(year, authority?.Trim(), errors, ct);
        return result is null ? errors.ToProblem() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<PublicLookupResult>, ValidationProblem>> Search(string? q, PublicOrganizationLookup lookup, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var result = await lookup.SearchAsync(q, errors, ct);
        return result is null ? errors.ToProblem() : TypedResults.Ok(result);
    }
}
