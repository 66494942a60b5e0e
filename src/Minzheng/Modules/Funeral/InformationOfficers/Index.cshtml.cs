using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.InformationOfficers;

/// <summary>殡改信息员: serving officers by township, the list (filtered by the URL), appointing and ending.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class IndexModel(OfficerService officers, TimeProvider clock) : PageModel
{
    public Paged<OfficerRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public List<OfficerTownship> Townships { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public OfficerRequest Form { get; private set; } = new(null, null, null, null, null);

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? officerName, string? idNumber, string? phone, string? regionCode, string? appointedOn, CancellationToken ct)
    {
        Form = new OfficerRequest(officerName, idNumber, phone, regionCode, appointedOn);
        var result = await officers.AppointAsync(Form, ct);
        if (result.Value is { } saved)
        {
            TempData["Saved"] = $"已聘任殡改信息员：{saved.Name}";
            return RedirectToPage();
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid officerId, string? endedOn, CancellationToken ct)
    {
        var result = await officers.EndAsync(officerId, new OfficerEndRequest(endedOn), ct);
        if (result.Value is { } ended)
        {
            TempData["Saved"] = $"已解聘：{ended.Name}（{ended.EndedOn:yyyy-MM-dd}）";
            return RedirectToPage();
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await officers.PageAsync(new OfficerFilter(Region, Status, Name), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct);
        Townships = await officers.ByTownshipAsync(ct);
    }
}
