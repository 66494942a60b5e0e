using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>数据看板: this year's figures of a region with trends, regions compared, cancellations, deadlines and findings.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class DashboardModel(AssistanceSummaryService service, DashboardService dashboards, LineStatistics lines, TimeProvider clock) : PageModel
{
    public Dashboard? Data { get; private set; }

    /// <summary>This year's figures of the other business lines the user may read (婚姻登记, 殡葬, 优抚, 社会组织…).</summary>
    public IReadOnlyList<LineFigures> Lines { get; private set; } = [];

    public string? Error { get; private set; }
    public string Region { get; private set; } = "";
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    /// <summary>The chart data for dashboard.js, in a non-executed JSON block (the CSP allows no inline script).</summary>
    public string Json => JsonSerializer.Serialize(Data, JsonSerializerOptions.Web);

    public async Task OnGetAsync(string? region, CancellationToken ct)
    {
        Region = string.IsNullOrWhiteSpace(region) ? ScopeRoot : region;
        var (query, _, _) = await service.ParseAsync(Region, null, null, clock.Today(), ct);
        if (query is null)
        {
            Error = "所选区划不存在或不在您的管辖范围内";
            return;
        }

        Region = query.RegionCode;
        Data = await dashboards.BuildAsync(query, ct);
        var today = clock.Today();
        Lines = await lines.ForAsync(User, query with { From = new DateOnly(today.Year, 1, 1), To = today }, ct);
    }
}
