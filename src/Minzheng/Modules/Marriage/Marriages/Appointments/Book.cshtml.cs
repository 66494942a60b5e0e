using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Platform.Calendar;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>
/// The public booking page (no account): choose the registry and an open day, then a slot with free places, and give
/// both parties and a phone number; the reference code is shown once booked. The same page looks a booking up or
/// cancels it with the code and one party's ID number. Submissions are rate-limited per client address.
/// </summary>
[EnableRateLimiting(AppointmentEndpoints.PublicPolicy)]
public sealed class BookModel(AppointmentTimetables timetables, AppointmentBooking booking, AppointmentDesk desk, TimeProvider clock) : CouplePageModel
{
    [BindProperty(SupportsGet = true)] public string? Registry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty] public string? Kind { get; set; } = "marriage";
    [BindProperty] public string? Slot { get; set; }
    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? IdType { get; set; } = "resident";

    public IReadOnlyList<RegistryChoice> Registries { get; private set; } = [];
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public AppointmentTimetable? Timetable { get; private set; }
    public DayOffer? Offer { get; private set; }
    public AppointmentView? Booked { get; private set; }
    public AppointmentView? Found { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> LookupErrors { get; private set; } = [];
    public string? Message { get; private set; }

    public static readonly (string Code, string Name)[] Kinds =
    [
        ("marriage", "结婚登记"), ("divorce", "离婚登记"), ("reissue-marriage-certificate", "补领结婚证"), ("reissue-divorce-certificate", "补领离婚证"),
    ];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct)
    {
        var result = await booking.BookOnlineAsync(new AppointmentRequest(Registry, Kind, Date, Slot, Parties(), Phone), ct);
        Booked = result.Value;
        Errors = result.Messages;
        if (Booked is not null)
        {
            // The form is left empty for the next couple on a shared device; the details stay in the confirmation only (masked).
            (Slot, Phone) = (null, null);
            ClearParties();
            ModelState.Clear();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        Found = await desk.LookupAsync(Code, new AppointmentAccessRequest(IdNumber, IdType), ct);
        LookupErrors = Found is null ? ["未找到该预约：请核对预约号和当事人证件号码"] : [];
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var result = await desk.CancelByCitizenAsync(Code, new AppointmentAccessRequest(IdNumber, IdType), ct);
        Found = result.Value;
        LookupErrors = result.Messages;
        Message = result.Value is null ? null : "预约已取消";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Registries = await timetables.RegistriesAsync(ct);
        Registry = Registries.Any(r => r.Code == Registry) ? Registry : Registries.FirstOrDefault()?.Code;
        Timetable = Registry is null ? null : await timetables.RegistryAsync(Registry, ct);
        if (Timetable is null)
        {
            return;
        }

        Days = Timetable.Schedule.BookableDays(clock.Today()).ToList();
        var day = Platform.Web.InputValues.TryParseDate(Date, out var d) && Days.Contains(d) ? d : Days.FirstOrDefault();
        if (Days.Count > 0)
        {
            Date = AppointmentInput.Text(day);
            Offer = await timetables.DayAsync(Timetable, day, ct);
        }
    }
}
