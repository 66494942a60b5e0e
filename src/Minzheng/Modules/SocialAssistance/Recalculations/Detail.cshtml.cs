using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

/// <summary>One recalculation: totals per township, lines (changed or left to a person), approve and apply, or return.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class DetailModel(RecalculationService service, RecalculationQueries queries, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 100;

    public RecalculationDto Recalculation { get; private set; } = null!;
    public List<RecalculationTownship> Townships { get; private set; } = [];
    public RecalculationLinePage Lines { get; private set; } = new(0, []);
    public bool CanDecide { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Lines shown: null all, true those left to a person, false the changed ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool? Skipped { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

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
        if (await queries.GetAsync(Id, ct) is not { } recalculation)
        {
            return false;
        }

        Recalculation = recalculation;
        CanDecide = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        Townships = await queries.TownshipsAsync(Id, ct);
        Lines = await queries.LinesAsync(Id, Skipped, Skip, PageSize, ct);
        return true;
    }
}
