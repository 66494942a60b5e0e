using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Modules.SocialOrganizations.PublicLookup;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The public look-up page (no account; /Organizations/Lookup): the same query and fields as the API, rate-limited alike.</summary>
[EnableRateLimiting(PublicLookupEndpoints.Policy)]
public sealed class LookupModel(PublicOrganizationLookup lookup) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public PublicLookupResult? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Q is null)
        {
            return Page();
        }

        var errors = new FieldErrors();
        Result = await lookup.SearchAsync(Q, errors, ct);
        Errors = errors.Messages.ToList();
        return Page();
    }
}
