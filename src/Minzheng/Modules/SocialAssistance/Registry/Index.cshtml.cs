using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>
/// The household register: filters, sort and page in the URL (bookmarkable, shareable), the total always shown, the
/// filtered list exportable. A full ID number is posted and opens its household, never put in a URL.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(HouseholdSearch households, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hukou { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public Paged<HouseholdListItem> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public bool CanRegister { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFindAsync(string? idNumber, CancellationToken ct)
    {
        if (await households.FindByIdNumberAsync(idNumber, ct) is { } found)
        {
            return RedirectToPage("Household", new { id = found.Id });
        }

        Error = "未找到该身份证号对应的家庭（须为您管辖范围内已登记的家庭成员）";
        await LoadAsync(ct);
        return Page();
    }

    public string ExportUrl => ListLinks.With(Request, ("pageNumber", null)).Replace("/Registry", "/api/v1/households/export.xlsx", StringComparison.Ordinal);

    private async Task LoadAsync(CancellationToken ct)
    {
        CanRegister = (await authorization.AuthorizeAsync(User, AssistancePolicies.RegistryWrite)).Succeeded;
        var found = await households.SearchAsync(new HouseholdFilter(Name, Region, Hukou), PageRequest.From(PageNumber, null, Sort, Dir), ct);
        if (found is null)
        {
            Error = "区划代码不正确";
            return;
        }

        Rows = found;
    }
}
