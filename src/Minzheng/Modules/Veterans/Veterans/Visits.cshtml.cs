using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Visits;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>走访慰问: campaigns (the 优抚 officer opens one for the region), the chosen campaign's list in the caller's region, and visits recorded row by row.</summary>
[Authorize(Policy = VeteransModule.Visit)]
public sealed class VisitsModel(VisitService visits, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public List<CareVisitCampaign> Campaigns { get; private set; } = [];
    public CampaignDetail? Selected { get; private set; }
    public bool CanOpen { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Occasion { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? Gift { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, VeteransModule.Manage)).Succeeded)
        {
            return Forbid();
        }

        var r = await visits.CreateAsync(new CampaignRequest(Name, Occasion, User.FindFirstValue(MinzhengClaims.Region), Amount, Gift), ct);
        if (r.Value is { } created)
        {
            TempData["Saved"] = $"已开展走访慰问，名单 {created.Persons} 人，慰问金合计 {created.Total:0.00} 元";
            return RedirectToPage("/Modules/Veterans/Veterans/Visits", new { id = created.Id });
        }

        Errors = PageMessages.For(r.Errors.Any ? r.Errors.Messages : [r.Message!]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid visitId, string? visitedOn, string? visitedBy, CancellationToken ct)
    {
        var r = await visits.RecordAsync(Id ?? Guid.Empty, visitId, new VisitRequest(visitedOn, visitedBy), ct);
        if (r.Outcome == Platform.Kernel.Outcome.Done)
        {
            TempData["Saved"] = "已登记走访";
            return RedirectToPage("/Modules/Veterans/Veterans/Visits", new { id = Id });
        }

        Errors = PageMessages.For(r.Errors.Any ? r.Errors.Messages : [r.Message!]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanOpen = (await authorization.AuthorizeAsync(User, VeteransModule.Manage)).Succeeded;
        Campaigns = await visits.ListAsync(ct);
        Selected = Id is { } id ? await visits.GetAsync(id, ct) : null;
    }
}
