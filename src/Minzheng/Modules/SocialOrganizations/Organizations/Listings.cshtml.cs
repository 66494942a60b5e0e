using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The organisations in 活动异常名录 or 严重违法失信名单 now, the longest-listed first, each linking to its detail page to move it out.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class ListingsModel(OversightQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? List { get; set; }

    public IReadOnlyList<CurrentListingRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var list = InputValues.ParseOptional<SupervisionList>(List, "list", "请选择活动异常名录或严重违法失信名单", errors);
        Errors = errors.Messages.ToList();
        Rows = errors.Any ? [] : await queries.CurrentAsync(list, ct);
    }
}
