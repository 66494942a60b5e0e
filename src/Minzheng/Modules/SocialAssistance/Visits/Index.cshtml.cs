using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Visits;

/// <summary>探视巡访: the persons in 特困分散供养 due a visit (missed ones first), one person's visits, and the form to record one.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(WelfareVisitService visits, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Paged<WelfareVisitDue> Items { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    /// <summary>Overdue among everyone the filter keeps, not only this page.</summary>
    public int OverdueCount { get; private set; }
    public WelfareVisitHistory? Selected { get; private set; }
    public bool CanRecord { get; private set; }
    public WelfareVisitOptions Intervals => visits.Options;
    public string? Error { get; private set; }
    public string? Saved { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"overdue", "soon" or empty for everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    /// <summary>A region within the user's scope (the picker sends the 12-digit code); empty for the whole scope.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Enrollment { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/welfare-visits/export.xlsx", ("enrollment", null));

    public string ScopeRoot => User.FindFirst(MinzhengClaims.Region)?.Value ?? "";

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.VisitedOn = Today;
        Saved = TempData["Saved"] as string;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.RecordVisits)).Succeeded)
        {
            return Forbid();
        }

        if (Enrollment is not { } enrollment)
        {
            return NotFound();
        }

        var result = await visits.RecordAsync(enrollment, new WelfareVisitRequest(Input.VisitedOn, Input.Visitors, Input.Way, Input.Findings,
            Input.NeedsFollowUp, Input.FollowUpNote), ct);
        if (result.Outcome == Outcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == Outcome.Done && result.Visit is { } v)
        {
            TempData["Saved"] = string.Create(CultureInfo.InvariantCulture,
                $"已登记 {v.VisitedOn:yyyy-MM-dd} {v.WayName}（{v.Visitors}），下次应于 {v.NextDueOn:yyyy-MM-dd} 前探视。");
            return RedirectToPage(new { enrollment, due = Due, region = Region });
        }

        // Typed values stay in Input; the errors show beside their fields.
        Errors = result.Errors.ToDictionary();
        Error = result.Message ?? "登记未保存，请按提示修改后重新提交。";
        await LoadAsync(ct);
        return Page();
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join("；", messages) : null;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        CanRecord = (await authorization.AuthorizeAsync(User, AssistancePolicies.RecordVisits)).Succeeded;
        var (items, errors) = await visits.DueAsync(Region, Due is "overdue" or "soon" ? Due : null, ct);
        Items = (items ?? []).PageInMemory(PageRequest.From(PageNumber, null, Sort, Dir), WelfareVisitService.Sort);
        OverdueCount = items?.Count(i => i.Overdue) ?? 0;
        Error ??= errors.Any ? string.Join("；", errors.Messages) : null;
        if (Enrollment is { } id)
        {
            var (history, _) = await visits.HistoryAsync(id, ct);
            Selected = history;
            return history is not null;
        }

        return true;
    }

    public sealed class VisitInput
    {
        public string? VisitedOn { get; set; }
        public string? Visitors { get; set; }
        public string? Way { get; set; } = "home-visit";
        public string? Findings { get; set; }
        public bool NeedsFollowUp { get; set; }
        public string? FollowUpNote { get; set; }
    }
}
