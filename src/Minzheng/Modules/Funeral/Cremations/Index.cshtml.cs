using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>火化记录: the region's cremations, newest first, paged on the server, filtered and sorted by the URL, exported as filtered (ID numbers masked).</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class IndexModel(FuneralQueries queries) : PageModel
{
    public Paged<CremationRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? FuneralHome { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Waived { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/funeral/cremations/export.xlsx");

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await queries.PageAsync(new CremationFilter(Name, Region, From, To, FuneralHome, Waived), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct);
}
