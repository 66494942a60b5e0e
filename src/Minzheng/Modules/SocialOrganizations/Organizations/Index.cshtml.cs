using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>社会组织名录: filters, sort and page in the URL, the total always shown, the filtered list exportable (masked).</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class IndexModel(OrganizationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public Paged<OrganizationRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/social-organizations/export.xlsx");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var found = await queries.ListAsync(new OrganizationFilter(Name, Kind, Status), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), errors, ct);
        if (found is null)
        {
            Errors = errors.Messages.ToList();
            return;
        }

        Rows = found;
    }
}
