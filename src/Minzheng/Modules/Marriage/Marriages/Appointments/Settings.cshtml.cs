using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>预约设置 (婚姻登记处负责人): the registry's name, booking window, slots with capacity and the special days of each year.</summary>
[Authorize(Policy = MarriageModule.Supervise)]
public sealed class SettingsModel(AppointmentSettings settings) : PageModel
{
    private const int BlankSlots = 3;
    private const int BlankDays = 4;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? DaysAhead { get; set; }
    [BindProperty] public List<SlotSetting> Slots { get; set; } = [];
    [BindProperty] public List<SpecialDaySetting> SpecialDays { get; set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var current = await settings.GetAsync(ct);
        (Name, DaysAhead, Slots, SpecialDays) = (current.Name, current.DaysAhead, current.Slots!, current.SpecialDays!);
        AddBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Rows left blank are the spare rows of the form, not entries.
        var slots = Slots.Where(s => !string.IsNullOrWhiteSpace(s.Start) || !string.IsNullOrWhiteSpace(s.End) || s.Capacity is not null).ToList();
        var days = SpecialDays.Where(d => !string.IsNullOrWhiteSpace(d.Date) || !string.IsNullOrWhiteSpace(d.Name) || d.ExtraCapacity is not null).ToList();
        var errors = await settings.SaveAsync(new AppointmentSettingsRequest(Name, DaysAhead, slots, days), ct);
        if (!errors.Any)
        {
            TempData["Message"] = "预约设置已保存";
            return RedirectToPage();
        }

        Errors = PageMessages.For(errors.Messages);
        (Slots, SpecialDays) = (slots, days);
        AddBlankRows();
        return Page();
    }

    private void AddBlankRows()
    {
        Slots.AddRange(Enumerable.Range(0, BlankSlots).Select(_ => new SlotSetting(null, null, null)));
        SpecialDays.AddRange(Enumerable.Range(0, BlankDays).Select(_ => new SpecialDaySetting(null, null, null)));
    }
}
