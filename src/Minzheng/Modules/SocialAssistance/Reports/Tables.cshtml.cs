using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>统计报表: a region's period table, and the township submissions with the county's review.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class TablesModel(PeriodTables tables, ReportSubmissions submissions, LineStatistics lines, IRegionScope scope, IAuthorizationService authorization,
    TimeProvider clock)
    : PageModel
{
    public StatisticalPeriod Period { get; private set; } = null!;
    public List<TableRow> Rows { get; private set; } = [];
    public List<ReportDto> Reports { get; private set; } = [];

    /// <summary>The other business lines' figures of the period that the user may read (婚姻登记, 殡葬, 优抚, 社会组织…).</summary>
    public IReadOnlyList<LineFigures> Lines { get; private set; } = [];

    public string PeriodName => Minzheng.Modules.SocialAssistance.Payments.SignatureLists.PeriodName(Period.Text);
    public string? Message { get; private set; }

    /// <summary>The periods offered (value "2026-11" / "2026-Q3", label 2026年11月 / 2026年第3季度): chosen, not typed.</summary>
    public List<(string Value, string Label)> PeriodChoices { get; private set; } = [];
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }

    /// <summary>The township a township user submits for (their own), or null for county users.</summary>
    public string? OwnTownship => scope.Prefix.Length == 9 ? scope.Prefix.PadRight(RegionCode.Length, '0') : null;

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public async Task OnGetAsync(string? period, CancellationToken ct) => await LoadAsync(period, ct);

    public async Task<IActionResult> OnPostSubmitAsync(string? period, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.SubmitStatistics)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message, _) = await submissions.SubmitAsync(new SubmitRequest(OwnTownship, period), User.Identity?.Name ?? "", ct);
        await LoadAsync(period, ct);
        Message = outcome == Outcome.Done ? "已上报，等待县级审核" : message;
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string? period, bool accept, string? comment, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewStatistics)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message, _) = await submissions.ReviewAsync(id, accept, new ReviewRequest(comment), User.Identity?.Name ?? "", ct);
        await LoadAsync(period, ct);
        Message = outcome == Outcome.Done ? (accept ? "已审核通过并锁定" : "已退回乡镇") : message;
        return Page();
    }

    private async Task LoadAsync(string? period, CancellationToken ct)
    {
        var lastMonth = clock.Today().AddMonths(-1);
        Period = StatisticalPeriod.Parse(period) ?? StatisticalPeriod.Parse($"{lastMonth:yyyy-MM}")!;
        PeriodChoices = Choices(lastMonth, Period.Text);
        Rows = await tables.RowsAsync(scope.Prefix, Period, ct);
        Reports = await submissions.ListAsync(Period, ct);
        var code = scope.Prefix.PadRight(RegionCode.Length, '0');
        Lines = await lines.ForAsync(User, new ReportQuery(scope.Prefix, code, scope.Prefix, Period.FirstMonth, Period.LastDay), ct);
        CanSubmit = OwnTownship is not null && (await authorization.AuthorizeAsync(User, AssistancePolicies.SubmitStatistics)).Succeeded;
        CanReview = (await authorization.AuthorizeAsync(User, AssistancePolicies.ReviewStatistics)).Succeeded;
    }

    // The last two years by month and by quarter, newest first, plus the chosen one if older.
    private static List<(string, string)> Choices(DateOnly lastMonth, string chosen)
    {
        var months = Enumerable.Range(0, 24).Select(i => lastMonth.AddMonths(-i)).Select(m => $"{m:yyyy-MM}");
        var quarters = Enumerable.Range(0, 8).Select(i => lastMonth.AddMonths(-3 * i)).Select(m => $"{m.Year}-Q{((m.Month - 1) / 3) + 1}");
        var values = months.Concat(quarters).Prepend(chosen).Distinct().ToList();
        return values.Select(v => (v, Minzheng.Modules.SocialAssistance.Payments.SignatureLists.PeriodName(v))).ToList();
    }
}
