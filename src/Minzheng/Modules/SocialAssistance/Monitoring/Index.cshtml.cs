using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

/// <summary>低收入人口动态监测: the proactive-discovery list with deadlines, the rules scan, and the monitored households.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(MonitoringService monitoring, IAuthorizationService authorization) : PageModel
{
    public List<WarningDto> Warnings { get; private set; } = [];
    public List<MonitoredDto> Monitored { get; private set; } = [];
    public bool CanHandle { get; private set; }
    public string? Error { get; private set; }
    public string? Scanned { get; private set; }
    public string ScopeRoot => User.FindFirst(MinzhengClaims.Region)?.Value ?? "";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "open";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostScanAsync(string? regionCode, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewOutcomes)).Succeeded)
        {
            return Forbid();
        }

        var (result, errors) = await monitoring.ScanAsync(regionCode, ct);
        Error = result is null ? string.Join("；", errors.Messages) : null;
        Scanned = result is null ? null : $"预警完成：检查 {result.Households} 户，新增预警 {result.Created} 条，待核实共 {result.Open} 条";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? decision, string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewOutcomes)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await monitoring.ResolveAsync(id, new WarningDecision(decision, note, null), User.Identity?.Name ?? "", ct);
        if (outcome == Outcome.Done)
        {
            return RedirectToPage();
        }

        Error = message;
        await LoadAsync(ct);
        return outcome == Outcome.NotFound ? NotFound() : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanHandle = (await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewOutcomes)).Succeeded;
        Warnings = await monitoring.WarningsAsync(null, string.IsNullOrEmpty(Status) ? null : Status, null, ct);
        Monitored = await monitoring.ListAsync(null, null, ct);
    }
}
