using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>乱埋乱葬案件: the caller's cases by township or village, filtered by the URL (open, overdue, closed, kind, found dates), and the form to record a case.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class IndexModel(IllegalBurialService cases, TimeProvider clock) : PageModel
{
    public Paged<IllegalBurialRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>The case form, kept when it is refused.</summary>
    public IllegalBurialRequest Form { get; private set; } = new(null, null, null, null, null, null, null, null, null, null);

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/funeral/illegal-burials/export.xlsx");

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? kind, string? foundOn, string? foundBy, string? regionCode, string? location, decimal? latitude,
        decimal? longitude, string? description, string? partyName, string? rectifyBy, string? partyIdNumber, CancellationToken ct)
    {
        Form = new IllegalBurialRequest(kind, foundOn, foundBy, regionCode, location, latitude, longitude, description, partyName, rectifyBy, partyIdNumber);
        var result = await cases.OpenAsync(Form, ct);
        if (result.Value is { } saved)
        {
            TempData["Saved"] = $"已登记案件：{saved.KindName}，{saved.Location}，整改期限{saved.RectifyBy:yyyy-MM-dd}";
            return RedirectToPage("Detail", new { id = saved.Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);

        // The form's kind also binds to the list filter of the same name: the list below stays as the URL filters it.
        Kind = Request.Query["Kind"].FirstOrDefault();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await cases.PageAsync(new IllegalBurialFilter(Region, Status, Kind, From, To), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct);
}
