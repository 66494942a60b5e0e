using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Registry;

[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(RegistryService registry) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    // The full ID number is posted, never put in the URL (browser history, access logs).
    [BindProperty] public string? IdNumber { get; set; }

    public List<HouseholdListItem> Rows { get; private set; } = [];
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public bool CanRegister => User.IsInRole(Roles.County) || User.IsInRole(Roles.CountyApprover) || User.IsInRole(Roles.Township)
                               || User.IsInRole(Roles.TownshipReviewer) || User.IsInRole(Roles.Village);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await registry.SearchAsync(Name, null, Region, 200, ct) ?? [];

    public async Task OnPostAsync(CancellationToken ct) => Rows = await registry.SearchAsync(Name, IdNumber, Region, 200, ct) ?? [];
}
