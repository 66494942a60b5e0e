using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>已有坟墓: the caller's registered old graves by township or village, filtered by the URL, with the export and the registration form.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class IndexModel(GraveService graves, TimeProvider clock) : PageModel
{
    public Paged<GraveRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>The registration form, kept when it is refused.</summary>
    public GraveRequest Form { get; private set; } = new(null, null, null, null, null, null, null, null, null, null, null, null);

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public string ExportUrl => ListLinks.Export(Request, "/api/v1/funeral/graves/export.xlsx");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? regionCode, string? location, decimal? latitude, decimal? longitude, string? graveKind,
        string? occupantName, string? occupantIdNumber, string? secondOccupantName, string? secondOccupantIdNumber, string? contactName, string? contactPhone,
        string? registeredOn, CancellationToken ct)
    {
        Form = new GraveRequest(regionCode, location, latitude, longitude, graveKind, occupantName, occupantIdNumber, secondOccupantName, secondOccupantIdNumber,
            contactName, contactPhone, registeredOn);
        var result = await graves.RegisterAsync(Form, ct);
        if (result.Value is { } saved)
        {
            TempData["Saved"] = $"已登记坟墓：{saved.Occupants}（{saved.KindName}），{saved.Location}";
            return RedirectToPage("Detail", new { id = saved.Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await graves.PageAsync(new GraveFilter(Region, Status, Kind, Name, From, To), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct);
}
