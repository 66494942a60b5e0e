using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Modules.SocialOrganizations.PublicLookup;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The public 年检结果公告 (no account; /Organizations/InspectionResults): the same list as the API, rate-limited alike.</summary>
[EnableRateLimiting(PublicLookupEndpoints.Policy)]
public sealed class InspectionResultsModel(PublishedInspections published) : PublicNoticePage<PublicInspectionResults>
{
    protected override Task<PublicInspectionResults?> ReadAsync(int? year, string? authority, FieldErrors errors, CancellationToken ct) =>
        published.ReadAsync(year, authority, errors, ct);
}
