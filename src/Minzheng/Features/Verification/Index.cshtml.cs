using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Features.Cases;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Verification;

/// <summary>死亡比对: the findings of imported death lists with their evidence; the county confirms (stop or recalculate) or dismisses.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(FindingService findings, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public List<FindingDto> Findings { get; private set; } = [];
    public bool CanResolve { get; private set; }
    public string? Error { get; private set; }
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "open";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? decision, decimal? monthlyAmount, string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await findings.ResolveAsync(id, new ResolveRequest(decision, monthlyAmount, note), User.Identity?.Name ?? "", clock, ct);
        if (outcome == CaseOutcome.Done)
        {
            return RedirectToPage();
        }

        Error = message;
        await LoadAsync(ct);
        return outcome == CaseOutcome.NotFound ? NotFound() : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanResolve = (await authorization.AuthorizeAsync(User, Policies.DecideCases)).Succeeded;
        Findings = await findings.ListAsync("death", null, string.IsNullOrEmpty(Status) ? null : Status, ct);
    }
}
