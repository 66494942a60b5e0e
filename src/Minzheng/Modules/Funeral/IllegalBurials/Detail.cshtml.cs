using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>乱埋乱葬案件详情: what was found where, the deadline, and the forms for the outcome that closes the case.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class DetailModel(IllegalBurialService cases, IllegalBurialNotices notices, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public IllegalBurialDetail? Detail { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? outcome, string? on, string? decisionNumber, decimal? amount, string? destination, CancellationToken ct)
    {
        var result = await cases.CloseAsync(Id, new IllegalBurialOutcomeRequest(outcome, on, decisionNumber, amount, destination), ct);
        if (result.Value is { } closed)
        {
            TempData["Saved"] = $"已结案：{closed.StatusName}";
            return RedirectToPage(new { id = Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostNoticeAsync(string? issuedOn, string? partyName, string? partyIdNumber, string? rectifyBy, CancellationToken ct)
    {
        var result = await notices.IssueAsync(Id, new IllegalBurialNoticeRequest(issuedOn, partyName, partyIdNumber, rectifyBy), ct);
        if (result.Value is { } issued)
        {
            TempData["Saved"] = $"已发出限期整改通知书{issued.NoticeNumber}，整改期限{issued.RectifyBy:yyyy-MM-dd}，请打印送达当事人";
            return RedirectToPage(new { id = Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Detail = await cases.DetailAsync(Id, ct);
        return Detail is not null;
    }
}
