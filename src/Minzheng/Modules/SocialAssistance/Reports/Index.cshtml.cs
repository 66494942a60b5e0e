using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>救助统计: the assistance summary of a region and period, with its child regions and an xlsx export.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(AssistanceSummaryService service, TimeProvider clock) : PageModel
{
    public AssistanceSummary? Summary { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Region { get; private set; } = "";
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    /// <summary>The same parameters for the export and the work-summary links.</summary>
    public string QueryString => $"region={Region}&from={From}&to={To}";

    public async Task OnGetAsync(string? region, string? from, string? to, CancellationToken ct)
    {
        (var query, Errors, Region, From, To) = await service.ParseFormAsync(region, from, to, ScopeRoot, clock, ct);
        if (query is not null)
        {
            Summary = await service.SummaryAsync(query, ct);
            Region = query.RegionCode;
        }
    }
}

/// <summary>The region and period pickers shared by the statistics pages.</summary>
public sealed record PeriodFormModel(string Root, string Region, string From, string To, string Action);
