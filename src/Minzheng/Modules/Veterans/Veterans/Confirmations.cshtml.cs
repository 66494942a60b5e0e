using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Confirmations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>年度确认: campaigns (the 优抚 officer opens and applies one), the chosen campaign's list in the caller's region, outcomes recorded row by row.</summary>
[Authorize(Policy = VeteransModule.Confirm)]
public sealed class ConfirmationsModel(ConfirmationService service, ConfirmationQueries queries, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    private const string Self = "/Modules/Veterans/Veterans/Confirmations";

    public List<ConfirmationCampaignRow> Campaigns { get; private set; } = [];
    public ConfirmationDetail? Selected { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty] public string? EffectiveMonth { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Year ??= today.Year;
        DueOn ??= today.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        EffectiveMonth ??= today.AddMonths(2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, VeteransModule.Manage)).Succeeded)
        {
            return Forbid();
        }

        var r = await service.OpenAsync(new OpenConfirmationRequest(Year, User.FindFirstValue(MinzhengClaims.Region), DueOn, EffectiveMonth), ct);
        if (r.Value is { } opened)
        {
            TempData["Saved"] = $"已开展{Year}年度确认，名单 {opened.Persons} 人";
            return RedirectToPage(Self, new { id = opened.Id });
        }

        return await FailAsync(r.Errors, r.Message, ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid itemId, string? result, string? reason, string? note, CancellationToken ct)
    {
        var r = await service.RecordAsync(Id ?? Guid.Empty, itemId, new ConfirmationRequest(result, reason, note), ct);
        if (r.Outcome == Platform.Kernel.Outcome.Done)
        {
            TempData["Saved"] = result == "ended" ? "已登记：终止" : "已登记：继续享受";
            return RedirectToPage(Self, new { id = Id, outcome = Outcome });
        }

        return await FailAsync(r.Errors, r.Message, ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, VeteransModule.Manage)).Succeeded)
        {
            return Forbid();
        }

        var r = await service.ApplyAsync(Id ?? Guid.Empty, User.Identity?.Name ?? "", ct);
        if (r.Value is { } applied)
        {
            TempData["Saved"] = $"年度确认已生效：继续享受 {applied.Confirmed} 人，终止 {applied.Ended} 人（自 {applied.EffectiveMonth} 起停发）";
            return RedirectToPage(Self, new { id = Id });
        }

        return await FailAsync(r.Errors, r.Message, ct);
    }

    private async Task<IActionResult> FailAsync(FieldErrors errors, string? message, CancellationToken ct)
    {
        Errors = PageMessages.For(errors.Any ? errors.Messages : [message!]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, VeteransModule.Manage)).Succeeded;
        Campaigns = await queries.ListAsync(ct);
        Selected = Id is { } id ? await queries.GetAsync(id, Outcome, ct) : null;
    }
}
