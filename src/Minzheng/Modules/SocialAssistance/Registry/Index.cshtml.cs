using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.People;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Registry;

[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(RegistryService registry, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    // The full ID number is posted, never put in the URL (browser history, access logs).
    [BindProperty] public string? IdNumber { get; set; }

    public List<HouseholdListItem> Rows { get; private set; } = [];
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await SearchAsync(null, ct);

    public async Task OnPostAsync(CancellationToken ct) => await SearchAsync(IdNumber, ct);

    private async Task SearchAsync(string? idNumber, CancellationToken ct)
    {
        CanRegister = (await authorization.AuthorizeAsync(User, AssistancePolicies.RegistryWrite)).Succeeded;
        Rows = await registry.SearchAsync(Name, idNumber, Region, 200, ct) ?? [];
    }
}
