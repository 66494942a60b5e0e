using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

public sealed record TrendSeries(string Program, string Name, IReadOnlyList<int> Households, IReadOnlyList<int> Persons, IReadOnlyList<decimal> Paid);

public sealed record RegionBar(string RegionCode, string Name, int Households, int Persons, decimal MonthlyAmount);

public sealed record CountByName(string Code, string Name, int Count);

/// <summary>The dashboard of a region: this year's summary, 12-month trends, regions compared, deadlines and findings.</summary>
public sealed record Dashboard(AssistanceSummary Summary, IReadOnlyList<string> Months, IReadOnlyList<TrendSeries> Trends, IReadOnlyList<RegionBar> Regions,
    IReadOnlyList<ReasonCount> CancelledByReason, IReadOnlyList<DeadlineRow> Deadlines, IReadOnlyList<CountByName> OpenFindings);

/// <summary>
/// Builds the dashboard with a fixed number of grouped queries whatever the caseload: the 12-month stock trend is
/// derived from two histograms (enrolments started per month, ended per month) rather than one count per month.
/// </summary>
public sealed class DashboardService(AssistanceSummaryService summaries, PayrollQueries payrolls, CaseQueries cases,
    [FromKeyedServices(StandbyReads.Key)] MinzhengDbContext db, TimeProvider clock)
{
    public const int TrendMonths = 12;

    public async Task<Dashboard> BuildAsync(ReportQuery region, CancellationToken ct)
    {
        var today = clock.Today();
        var q = region with { From = new DateOnly(today.Year, 1, 1), To = today };
        var summary = await summaries.SummaryAsync(q, ct);
        var months = Enumerable.Range(0, TrendMonths).Select(i => q.ToMonth.AddMonths(i - TrendMonths + 1)).ToList();
        var trends = await TrendsAsync(q.Prefix, months, ct);
        var regions = summary.Children.Select(c =>
        {
            var monthly = c.Programs.Where(p => !p.OneOff).ToList();
            return new RegionBar(c.RegionCode, c.Name, monthly.Sum(p => p.Households), monthly.Sum(p => p.Persons), monthly.Sum(p => p.MonthlyAmount));
        }).ToList();
        var reasons = summary.Programs.SelectMany(p => p.CancelledByReason).GroupBy(r => r.Reason)
            .Select(g => new ReasonCount(g.Key, g.First().Name, g.Sum(r => r.Households), g.Sum(r => r.Persons))).OrderByDescending(r => r.Persons).ToList();
        var deadlines = (await cases.BoardAsync(ct)).Where(d => d.RegionCode.StartsWith(q.Prefix, StringComparison.Ordinal)).ToList();
        var findings = await db.Findings.AsNoTracking().Where(f => f.Status == Verification.FindingStatus.Open && f.RegionCode.StartsWith(q.Prefix))
            .GroupBy(f => f.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Dashboard(summary, months.Select(m => m.ToString("yyyy-MM", null)).ToList(), trends, regions, reasons, deadlines,
            findings.Select(f => new CountByName(f.Key, Verification.FindingService.Types.GetValueOrDefault(f.Key, f.Key), f.Count)).OrderBy(f => f.Code, StringComparer.Ordinal).ToList());
    }

    private async Task<List<TrendSeries>> TrendsAsync(string prefix, List<DateOnly> months, CancellationToken ct)
    {
        var (first, last) = (months[0], months[^1]);
        // Histograms of start and end months from the trigger-kept aggregate (a few thousand groups, not the caseload).
        var groups = db.EnrollmentGroups.AsNoTracking().Where(g => g.RegionCode.StartsWith(prefix) && g.StartMonth <= last);
        var started = await groups.GroupBy(g => new { g.Program, g.StartMonth })
            .Select(x => new { x.Key.Program, Month = x.Key.StartMonth, Count = x.Sum(g => g.Enrollments), Persons = x.Sum(g => g.Persons) }).ToListAsync(ct);
        var ended = await groups.Where(g => g.EndMonth != Reports.EnrollmentGroup.Open && g.EndMonth >= first.AddMonths(-1) && g.EndMonth < last)
            .GroupBy(g => new { g.Program, g.EndMonth })
            .Select(x => new { x.Key.Program, Month = x.Key.EndMonth, Count = x.Sum(g => g.Enrollments), Persons = x.Sum(g => g.Persons) }).ToListAsync(ct);
        // Enrolments that ended before the first month never count; those are left out by subtracting them from the start.
        var endedBefore = await groups.Where(g => g.EndMonth < first.AddMonths(-1))
            .GroupBy(g => g.Program).Select(x => new { Program = x.Key, Count = x.Sum(g => g.Enrollments), Persons = x.Sum(g => g.Persons) }).ToListAsync(ct);
        var paid = (await payrolls.LedgerAsync(null, prefix, first, last, ct)).GroupBy(r => (r.Program, r.Month)).ToDictionary(g => g.Key, g => g.Sum(r => r.Due));

        return AssistancePrograms.All.Where(p => !AssistancePrograms.IsOneOff(p.Code)).Select(p =>
        {
            var households = new List<int>();
            var persons = new List<int>();
            var before = endedBefore.FirstOrDefault(x => x.Program == p.Code);
            foreach (var month in months)
            {
                // In stock at the month: started by then, and not ended before it (EndMonth is the last month paid).
                var s = started.Where(x => x.Program == p.Code && x.Month <= month).ToList();
                var e = ended.Where(x => x.Program == p.Code && x.Month < month).ToList();
                households.Add(s.Sum(x => x.Count) - e.Sum(x => x.Count) - (before?.Count ?? 0));
                persons.Add(s.Sum(x => x.Persons) - e.Sum(x => x.Persons) - (before?.Persons ?? 0));
            }

            return new TrendSeries(p.Code, p.Name, households, persons, months.Select(m => paid.GetValueOrDefault((p.Code, m.ToString("yyyy-MM", null)))).ToList());
        }).Where(t => t.Households.Any(h => h > 0) || t.Paid.Any(v => v > 0)).ToList();
    }
}
