using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>预约管理: the registrar's daily list (today by default) by slot, with check-in, completion and cancellation.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class IndexModel(AppointmentDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public DailyList? List { get; private set; }
    public DateOnly Today => clock.Today();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var day = InputValues.TryParseDate(Date?.Trim(), out var d) && InputValues.IsSaneDate(d) ? d : Today;
        Date = AppointmentInput.Text(day);
        List = await desk.DailyAsync(day, ct);
    }

    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct) => AfterAsync(desk.CheckInAsync(id, ct), "已签到", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) => AfterAsync(desk.CompleteAsync(id, ct), "已标记为已办理", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => AfterAsync(desk.CancelByStaffAsync(id, ct), "预约已取消", ct);

    private async Task<IActionResult> AfterAsync(Task<AppointmentResult<AppointmentView>> step, string done, CancellationToken ct)
    {
        var result = await step;
        if (result.Value is { } view)
        {
            TempData["Message"] = $"{view.PartyAName}、{view.PartyBName}（预约号 {view.Code}）{done}";
            return RedirectToPage(new { date = AppointmentInput.Text(view.Date) });
        }

        Errors = result.Messages;
        await OnGetAsync(ct);
        return Page();
    }
}
