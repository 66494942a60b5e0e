using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>火化登记: the deceased, the dates, the funeral home, the family, and the fee waiver; refusals shown with their reasons, the input kept, nothing written.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class RegisterModel(CremationService service, FacilityService facilities, IOptions<FeeWaiverOptions> waiver, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? DeathDate { get; set; }
    [BindProperty] public string? CremationDate { get; set; }
    [BindProperty] public string? FuneralHome { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? DeathCause { get; set; }
    [BindProperty] public string? DeathCertificateNumber { get; set; }
    [BindProperty] public string? FamilyContactName { get; set; }
    [BindProperty] public string? FamilyContactPhone { get; set; }
    [BindProperty] public string? HukouType { get; set; }
    [BindProperty] public string? ResidentStatus { get; set; }
    [BindProperty] public List<string> WaiverItems { get; set; } = [];
    [BindProperty] public int? StorageDays { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> FuneralHomes { get; private set; } = [];
    public FeeWaiverOptions Waiver => waiver.Value;
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        CremationDate = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        FuneralHome = FuneralHomes.Count == 1 ? FuneralHomes[0] : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The region picker leaves the clerk's own region when nothing below it is chosen: that is "not stated".
        var region = RegionCode == ScopeRoot ? null : RegionCode;
        var result = await service.RegisterAsync(new CremationRequest(Name, IdNumber, DeathDate, CremationDate, FuneralHome, region, DeathCause, DeathCertificateNumber,
            FamilyContactName, FamilyContactPhone, HukouType, ResidentStatus, WaiverItems, WaiverItems.Contains(FeeWaiverRules.Storage) ? StorageDays : null), ct);
        if (result.Value is { } created)
        {
            TempData["Saved"] = $"已登记{Name?.Trim()}的火化记录";
            return RedirectToPage("/Modules/Funeral/Cremations/Detail", new { id = created.Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message!]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => FuneralHomes = await facilities.FuneralHomeNamesAsync(ct);
}
