using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Modules.SocialOrganizations.PublicLookup;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The public 双随机抽查结果公示 (no account; /Organizations/SpotCheckResults): the same list as the API, rate-limited alike.</summary>
[EnableRateLimiting(PublicLookupEndpoints.Policy)]
public sealed class SpotCheckResultsModel(PublishedSpotChecks published) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Authority { get; set; }

    public PublicSpotCheckResults? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Result = await published.ReadAsync(Year, Authority?.Trim(), errors, ct);
        Errors = errors.Messages.ToList();
    }
}
