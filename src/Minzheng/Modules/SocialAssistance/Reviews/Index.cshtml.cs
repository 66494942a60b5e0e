using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Reviews;

/// <summary>复核: campaigns with progress per township; the county opens one; a campaign page lists every household to record.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(ReviewService reviews, IAuthorizationService authorization) : PageModel
{
    public List<CampaignDto> Campaigns { get; private set; } = [];
    public (CampaignDto Campaign, List<ReviewItemDto> Items)? Selected { get; private set; }
    public bool CanOpen { get; private set; }
    public bool CanRecord { get; private set; }
    public string? Error { get; private set; }
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return id is not null && Selected is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(string? program, string? regionCode, string? name, string? dueOn, string? effectiveMonth,
        int? monthsSinceReview, string? sample, int? percent, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (id, errors) = await reviews.OpenAsync(new OpenCampaignRequest(program, regionCode, name, dueOn, effectiveMonth, monthsSinceReview, sample, percent), ct);
        if (id is null)
        {
            Error = string.Join("；", errors.Messages);
            await LoadAsync(null, ct);
            return Page();
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, Guid itemId, string? outcome, decimal? monthlyAmount, string? reason, int? months, string? note,
        CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewOutcomes)).Succeeded)
        {
            return Forbid();
        }

        return await AfterAsync(id, await reviews.RecordAsync(id, itemId, new OutcomeRequest(outcome, monthlyAmount, reason, months, note), ct), ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        return await AfterAsync(id, await reviews.ApplyAsync(id, User.Identity?.Name ?? "", ct), ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, (Outcome Outcome, string? Message) result, CancellationToken ct)
    {
        if (result.Outcome == Outcome.Done)
        {
            return RedirectToPage(new { id });
        }

        Error = result.Message;
        await LoadAsync(id, ct);
        return Selected is null ? NotFound() : Page();
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        CanOpen = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        CanRecord = (await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewOutcomes)).Succeeded;
        Campaigns = await reviews.ListAsync(ct);
        Selected = id is { } selected ? await reviews.GetAsync(selected, ct) : null;
    }

    public static string OutcomeName(string code) => code switch
    {
        "continue" => "维持",
        "adjust" => "调整金额",
        "cancel" => "停保",
        "gradual-exit" => "渐退",
        _ => "待复核",
    };
}
