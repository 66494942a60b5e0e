using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>祭扫预约: the day's bookings (today unless the URL names a day or all days), by status and kind, and the search for whom to book.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class IndexModel(MemorialService bookings, RestingPlaces places, TimeProvider clock) : PageModel
{
    public Paged<MemorialRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<RestingPerson> Found { get; private set; } = [];

    /// <summary>YYYY-MM-DD, or "all" for every day; today when not given.</summary>
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date ??= Today;
        Rows = await bookings.PageAsync(new MemorialFilter(Date == "all" ? null : Date, Status, Kind), PageRequest.From(PageNumber, null, Sort, Dir), ct);
        Found = await places.FindAsync(Name, ct);
    }
}
