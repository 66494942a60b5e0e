using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.WaiverClaims;

/// <summary>减免资金申报: the claims by month and status; the funeral staff open a month's claim here, finance finds what waits for it.</summary>
[Authorize(Policy = FuneralModule.ReadClaims)]
public sealed class IndexModel(ClaimService claims, FacilityService facilities, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ClaimRow> Rows { get; private set; } = [];
    public IReadOnlyList<FacilityRow> Homes { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public bool CanOpen => User.IsInRole(Roles.FuneralClerk);
    public string LastMonth => clock.Today().AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    public ClaimRequest Form { get; private set; } = new(null, null);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid? facilityId, string? month, CancellationToken ct)
    {
        if (!CanOpen)
        {
            return Forbid();
        }

        Form = new ClaimRequest(facilityId, month);
        var result = await claims.OpenAsync(Form, ct);
        if (result.Value is { } saved)
        {
            TempData["Saved"] = $"已建立{saved.FacilityName}{saved.Month}的申报：{saved.Cases}例，{saved.Total:#,##0.00}元";
            return RedirectToPage("Detail", new { id = saved.Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await claims.ListAsync(Status, ct);
        Homes = CanOpen ? [.. (await facilities.ListAsync(ct)).Where(f => f.Kind == InputValues.Code(FacilityKind.FuneralHome))] : [];
    }
}
