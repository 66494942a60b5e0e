using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>One 资助参保 list: counts per township, the persons (masked), approve or return, and the export for the 医保 bureau.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class SubsidyModel(InsuranceSubsidyService service, MedicalQueries queries, IAuthorizationService authorization) : PageModel
{
    public SubsidyListDto List { get; private set; } = null!;
    public List<SubsidyAreaTotal> Areas { get; private set; } = [];
    public Paged<SubsidyEntryDto> Entries { get; private set; } = new([], 0, 1, MedicalQueries.PageSize);
    public bool CanDecide { get; private set; }
    public bool CanReveal { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(() => service.ApproveAsync(Id, User.Identity?.Name ?? "", ct), ct);

    public Task<IActionResult> OnPostRejectAsync(string? reason, CancellationToken ct) =>
        DecideAsync(() => service.RejectAsync(Id, User.Identity?.Name ?? "", reason, ct), ct);

    private async Task<IActionResult> DecideAsync(Func<Task<(Outcome Outcome, string? Message)>> decide, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await decide();
        if (outcome == Outcome.Done)
        {
            return RedirectToPage(new { id = Id });
        }

        Error = message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.SubsidyListAsync(Id, ct) is not { } list)
        {
            return false;
        }

        List = list;
        Areas = await queries.SubsidyAreasAsync(Id, ct);
        Entries = await queries.SubsidyEntriesAsync(Id, PageNumber, ct);
        CanDecide = list.Status == "proposed" && list.CreatedBy != User.Identity?.Name
            && (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        CanReveal = list.Status == "approved" && (await authorization.AuthorizeAsync(User, Policies.RevealPersonalData)).Succeeded;
        return true;
    }
}
