using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>代为预约: the registrar books for a couple who telephoned or came to the counter (today included), at the registrar's registry.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class NewModel(AppointmentTimetables timetables, AppointmentBooking booking, IRegionScope scope, TimeProvider clock) : CouplePageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty] public string? Channel { get; set; } = "phone";
    [BindProperty] public string? Kind { get; set; } = "marriage";
    [BindProperty] public string? Slot { get; set; }
    [BindProperty] public string? Phone { get; set; }


    public AppointmentTimetable? Timetable { get; private set; }
    public DayOffer? Offer { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await booking.BookForCoupleAsync(new AppointmentRequest(null, Kind, Date, Slot, Parties(), Phone, Channel), ct);
        if (result.Value is { } view)
        {
            TempData["Message"] = $"已为{view.PartyAName}、{view.PartyBName}预约 {view.Slot}，预约号 {view.Code}（请告知当事人）";
            return RedirectToPage("/Modules/Marriage/Marriages/Appointments/Index", new { date = AppointmentInput.Text(view.Date) });
        }

        Errors = result.Messages;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Timetable = await timetables.RegistryAsync(scope.RegionCode(), ct);
        var today = clock.Today();
        var day = InputValues.TryParseDate(Date?.Trim(), out var d) && InputValues.IsSaneDate(d) ? d : today.AddDays(1);
        Date = AppointmentInput.Text(day);
        Offer = Timetable is null ? null : await timetables.DayAsync(Timetable, day, ct);
    }
}
