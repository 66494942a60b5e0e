using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>The booking form for one resting person, as the family asks on the phone; kept as typed when refused.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class BookModel(MemorialService bookings, RestingPlaces places, TimeProvider clock) : PageModel
{
    public RestingPerson? Person { get; private set; }
    public IReadOnlyList<FuneralFacility> Halls { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public MemorialRequest Form { get; private set; } = new(null, null, null, null, null, null, null, null, null, null);

    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public string Latest => clock.Today().AddDays(MemorialRules.DaysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid? burialId, Guid? cremationId, CancellationToken ct) =>
        await LoadAsync(burialId, cremationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid? burialId, Guid? cremationId, Guid? facilityId, string? kind, string? niche, string[]? services,
        string? requestedOn, string? contactName, string? contactPhone, string? message, CancellationToken ct)
    {
        Form = new MemorialRequest(kind, burialId, cremationId, facilityId, niche, services, requestedOn, contactName, contactPhone, message);
        var result = await bookings.BookAsync(Form, ct);
        if (result.Value is { } saved)
        {
            TempData["Saved"] = $"已预约：{saved.DeceasedName}，{saved.KindName}，{saved.RequestedOn:yyyy-MM-dd}";
            return RedirectToPage("Detail", new { id = saved.Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        return await LoadAsync(burialId, cremationId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid? burialId, Guid? cremationId, CancellationToken ct)
    {
        Person = await places.OneAsync(burialId, cremationId, ct);
        Halls = await places.HallsAsync(ct);
        return Person is not null;
    }
}
