using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Modules.SocialOrganizations.PublicLookup;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The public 双随机抽查结果公示 (no account; /Organizations/SpotCheckResults): the same list as the API, rate-limited alike.</summary>
[EnableRateLimiting(PublicLookupEndpoints.Policy)]
public sealed class SpotCheckResultsModel(PublishedSpotChecks published) : PublicNoticePage<PublicSpotCheckResults>
{
    protected override Task<PublicSpotCheckResults?> ReadAsync(int? year, string? authority, FieldErrors errors, CancellationToken ct) =>
        published.ReadAsync(year, authority, errors, ct);
}
