using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

/// <summary>
/// 低收入人口动态监测: the proactive-discovery list with deadlines and the rules scan, or the monitored households — one
/// list at a time (<see cref="List"/>), each paged and sorted with its filters in the URL, and exportable.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(MonitoringService monitoring, MonitoringQueries queries, IAuthorizationService authorization) : PageModel
{
    public Paged<WarningDto> Warnings { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public Paged<MonitoredDto> Monitored { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public bool CanHandle { get; private set; }
    public string? Error { get; private set; }
    public string? Scanned { get; private set; }
    public string ScopeRoot => User.FindFirst(MinzhengClaims.Region)?.Value ?? "";

    /// <summary>"warnings" (主动发现清单, the default) or "monitored" (监测对象).</summary>
    [BindProperty(SupportsGet = true)]
    public string List { get; set; } = "warnings";

    /// <summary>Warnings: open (the default), referred, dismissed or empty for all. Monitored: active (the default), ended or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public bool ShowsMonitored => List == "monitored";

    /// <summary>The status in force: the default of the list when the URL names none (an empty value means all warnings).</summary>
    public string? ShownStatus => Request.Query.ContainsKey("status") ? Status : ShowsMonitored ? "active" : "open";

    public string ExportUrl => ListLinks.Export(Request, ShowsMonitored ? "/api/v1/monitoring/households/export.xlsx" : "/api/v1/monitoring/warnings/export.xlsx",
        ("list", null), ("status", ShownStatus));

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
            return Redirect(ListLinks.With(Request, ("handler", null), ("id", null)));
        }

        Error = message;
        await LoadAsync(ct);
        return outcome == Outcome.NotFound ? NotFound() : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanHandle = (await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewOutcomes)).Succeeded;
        List = List == "monitored" ? List : "warnings";
        var page = PageRequest.From(PageNumber, null, Sort, Dir);
        if (ShowsMonitored)
        {
            Monitored = await queries.MonitoredAsync(new MonitoredFilter(Region, null, Category, ShownStatus, Name), page, ct);
        }
        else
        {
            Warnings = await queries.WarningsAsync(new WarningFilter(Region, string.IsNullOrEmpty(ShownStatus) ? null : ShownStatus, null, Rule, Name), page, ct);
        }
    }
}
