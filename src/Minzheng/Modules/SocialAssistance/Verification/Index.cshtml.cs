using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>Findings of every type with their evidence; the county runs the exclusion rules, confirms (stop, recalculate, record) or dismisses.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(FindingService findings, ExclusionScan exclusions, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public List<FindingDto> Findings { get; private set; } = [];
    public bool CanResolve { get; private set; }
    public string? Error { get; private set; }
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "open";

    /// <summary>death (死亡比对), exclusion (重复享受与互斥项目), economic (经济状况核对) or relative (近亲属备案).</summary>
    [BindProperty(SupportsGet = true)]
    public string Type { get; set; } = "death";

    public string? Scanned { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostScanAsync(string? regionCode, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (result, errors) = await exclusions.RunAsync(new ScanRequest(ExclusionScan.Type, regionCode), ct);
        (Type, Error, Scanned) = (ExclusionScan.Type, result is null ? string.Join("；", errors.Messages) : null,
            result is null ? null : $"核查完成：新发现 {result.Created} 条，待处理共 {result.Open} 条");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? decision, decimal? monthlyAmount, string? note, string? fromMonth, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await findings.ResolveAsync(id, new ResolveRequest(decision, monthlyAmount, note, fromMonth), User.Identity?.Name ?? "", clock, ct);
        if (outcome == Outcome.Done)
        {
            return RedirectToPage(new { type = Type });
        }

        Error = message;
        await LoadAsync(ct);
        return outcome == Outcome.NotFound ? NotFound() : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanResolve = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        Type = FindingService.Types.ContainsKey(Type) ? Type : "death";
        Findings = await findings.ListAsync(Type, null, string.IsNullOrEmpty(Status) ? null : Status, ct);
    }
}
