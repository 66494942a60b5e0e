using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>优抚对象: the region's entitled persons, newest first, paged on the server, filtered by name, region, category and status.</summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class IndexModel(EntitlementQueries queries) : PageModel
{
    public Paged<EntitlementRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await queries.PageAsync(new EntitlementFilter(Name, Region, Category, Status), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct)
            ?? new([], 0, 1, PageRequest.DefaultSize);
}
