using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>
/// 救助统计: stock and flows per programme from the enrolments (monthly programmes) and the decided cases (one-off
/// programmes). Months are the unit — an enrolment is in stock at <c>to</c> when its span covers that month, new when it
/// starts within the period, cancelled when its first month no longer paid falls within it — so that
/// stock(to) = stock(before from) + new − cancelled holds exactly. Each figure is one grouped query over the region
/// subtree; children are rolled up in memory from the same rows.
/// </summary>
public sealed class AssistanceSummaryService([FromKeyedServices(StandbyReads.Key)] MinzhengDbContext db, RegionService regions, IRegionScope scope, IServiceScopeFactory scopes)
{
    /// <summary>Checks the query parameters; a region outside the user's subtree is reported as not found.</summary>
    /// <summary>
    /// The statistics pages' form: the user's own region and the year to date by default, the same checks as the API,
    /// and the errors as the page shows them.
    /// </summary>
    public async Task<(ReportQuery? Query, IReadOnlyList<string> Errors, string Region, string From, string To)> ParseFormAsync(string? region, string? from,
        string? to, string scopeRoot, TimeProvider clock, CancellationToken ct)
    {
        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        var (r, f, t) = (string.IsNullOrWhiteSpace(region) ? scopeRoot : region, from ?? $"{today.Year}-01-01", to ?? today.ToString("yyyy-MM-dd", null));
        var (query, errors, outside) = await ParseAsync(r, f, t, today, ct);
        return (query, outside ? ["所选区划不存在或不在您的管辖范围内"] : errors.Messages.ToList(), query?.RegionCode ?? r, f, t);
    }

    public async Task<(ReportQuery? Query, FieldErrors Errors, bool OutsideScope)> ParseAsync(string? region, string? from, string? to, DateOnly today,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (requested, prefix) = ParseRegion(region, errors);
        var start = InputValues.ParseDate(from, "from", false, errors) ?? new DateOnly(today.Year, 1, 1);
        var end = InputValues.ParseDate(to, "to", false, errors) ?? today;
        if (!errors.Any && end < start)
        {
            errors.Add("to", "截止日期不能早于起始日期");
        }

        if (errors.Any || prefix is null)
        {
            return (null, errors, false);
        }

        return await InScopeAsync(prefix, ct)
            ? (new ReportQuery(requested, prefix.PadRight(RegionCode.Length, '0'), prefix, start, end), errors, false)
            : (null, errors, true);
    }

    /// <summary>The region a report asks for (the user's own subtree when empty) as its scope prefix; null, with the error added, when malformed.</summary>
    public (string Requested, string? Prefix) ParseRegion(string? region, FieldErrors errors)
    {
        var requested = string.IsNullOrWhiteSpace(region) ? scope.Prefix : region.Trim();
        var prefix = requested.Length == 0 ? "" : RegionCode.ToScopePrefix(requested);
        if (prefix is null)
        {
            errors.Add("region", "region 应为12位统计用区划代码或其有效前缀（如 360482）");
        }

        return (requested, prefix);
    }

    /// <summary>Whether the region exists and lies within the user's subtree.</summary>
    public async Task<bool> InScopeAsync(string prefix, CancellationToken ct) =>
        prefix.StartsWith(scope.Prefix, StringComparison.Ordinal) && (prefix.Length == 0 || await regions.ExistsAsync(prefix.PadRight(RegionCode.Length, '0'), ct));

    public async Task<AssistanceSummary> SummaryAsync(ReportQuery q, CancellationToken ct)
    {
        var cells = await CellsAsync(q, ct);
        var name = await regions.NameOfAsync(q.RegionCode, ct) ?? q.RegionCode;
        var children = await ChildrenAsync(q, ct);
        return new AssistanceSummary(q.Region, q.RegionCode, name, q.From, q.To, cells.RollUp(q.Prefix),
            children.Select(c => new RegionSummary(c.Code, c.Name, cells.RollUp(RegionCode.Prefix(c.Code)))).ToList());
    }

    /// <summary>The direct children of the region, or the counties of a whole-database query.</summary>
    private async Task<List<RegionDto>> ChildrenAsync(ReportQuery q, CancellationToken ct) =>
        q.Prefix.Length == 0 ? await regions.ChildrenAsync(null, ct) : await regions.ChildrenAsync(q.RegionCode, ct);

    internal async Task<SummaryCells> CellsAsync(ReportQuery q, CancellationToken ct)
    {
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.RegionCode.StartsWith(q.Prefix));
        var (fromMonth, toMonth, firstEnd) = (q.FromMonth, q.ToMonth, q.FromMonth.AddMonths(-1));
        var lastEnd = q.ToMonth.AddMonths(-1);
        // The households of person-based programmes need a pass over their enrolments; it runs on a second connection
        // while the aggregate is read.
        var householdsTask = PersonBasedHouseholdsAsync(q, ct);

        // Stock and new from the trigger-kept aggregate (EnrollmentGroup): the groups that matter to the period (started
        // by its end, not ended before it), with plain sums — a household-based programme has one enrolment per household.
        var sums = await db.EnrollmentGroups.AsNoTracking().Where(g => g.RegionCode.StartsWith(q.Prefix) && g.StartMonth <= toMonth && g.EndMonth >= firstEnd)
            .GroupBy(g => new { g.Program, g.RegionCode })
            .Select(x => new
            {
                x.Key.Program,
                x.Key.RegionCode,
                Enrolments = x.Where(g => g.EndMonth >= toMonth).Sum(g => g.Enrollments),
                Persons = x.Where(g => g.EndMonth >= toMonth).Sum(g => g.Persons),
                AmountFen = x.Where(g => g.EndMonth >= toMonth).Sum(g => g.AmountFen),
                NewEnrolments = x.Where(g => g.StartMonth >= fromMonth).Sum(g => g.Enrollments),
                NewPersons = x.Where(g => g.StartMonth >= fromMonth).Sum(g => g.Persons),
            })
            .ToListAsync(ct);
        var households = await householdsTask;
        int Households(string program, string region, int enrolments, bool stock) => households.TryGetValue((program, region), out var h)
            ? (stock ? h.Stock : h.New) : enrolments;

        var stock = sums.Where(x => x.Enrolments > 0)
            .Select(x => new Cell(x.Program, x.RegionCode, Households(x.Program, x.RegionCode, x.Enrolments, true), x.Persons, x.AmountFen / 100m)).ToList();
        var added = sums.Where(x => x.NewEnrolments > 0)
            .Select(x => new Cell(x.Program, x.RegionCode, Households(x.Program, x.RegionCode, x.NewEnrolments, false), x.NewPersons, 0m)).ToList();
        await CorrectForLaterAdjustmentsAsync(stock, enrollments.Where(e => e.StartMonth <= toMonth && (e.EndMonth == null || e.EndMonth >= toMonth)), toMonth, ct);

        // Cancellations by reason: a range over the end month (indexed), not another pass over the caseload.
        var cancelled = await enrollments.Where(e => e.EndMonth >= firstEnd && e.EndMonth <= lastEnd)
            .GroupBy(e => new { e.Program, e.RegionCode, e.StatusReason })
            .Select(g => new Cell(g.Key.Program, g.Key.RegionCode, g.Select(e => e.HouseholdId).Distinct().Count(), g.Sum(e => e.CoveredPersons),
                g.Sum(e => e.MonthlyAmount), g.Key.StatusReason))
            .ToListAsync(ct);
        cancelled = cancelled.Select(c => TerminationReasons.All.ContainsKey(c.Reason ?? "") ? c : c with { Reason = "other" }).ToList();
        return new SummaryCells(stock, added, cancelled, await OneOffAsync(q, ct), await ReserveFundAsync(q, ct));
    }

    /// <summary>Enrolments that matter to the period: started by its end, not ended before it.</summary>
    private static IQueryable<Enrollment> Relevant(MinzhengDbContext context, ReportQuery q)
    {
        var (toMonth, firstEnd) = (q.ToMonth, q.FromMonth.AddMonths(-1));
        return context.Enrollments.AsNoTracking().Where(e => e.RegionCode.StartsWith(q.Prefix) && e.StartMonth <= toMonth && (e.EndMonth == null || e.EndMonth >= firstEnd));
    }

    /// <summary>
    /// A person-based programme may enrol several members of one household: its households are counted once each, by
    /// grouping on the household first (a hash aggregate, not the sort a COUNT(DISTINCT) needs). Own context and
    /// connection (same user and region filter; and the query keeps to q.Prefix, already checked against the user's scope), so it can run while the main pass runs.
    /// </summary>
    private async Task<Dictionary<(string Program, string RegionCode), (int Stock, int New)>> PersonBasedHouseholdsAsync(ReportQuery q, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredKeyedService<MinzhengDbContext>(StandbyReads.Key);
        var (fromMonth, toMonth) = (q.FromMonth, q.ToMonth);
        var personBased = AssistancePrograms.All.Select(p => p.Code).Where(p => !AssistancePrograms.HouseholdBased.Contains(p)).ToList();
        return await Relevant(context, q).Where(e => personBased.Contains(e.Program))
            .GroupBy(e => new { e.Program, e.RegionCode, e.HouseholdId })
            .Select(g => new
            {
                g.Key.Program,
                g.Key.RegionCode,
                InStock = g.Max(e => e.EndMonth == null || e.EndMonth >= toMonth ? 1 : 0),
                IsNew = g.Max(e => e.StartMonth >= fromMonth ? 1 : 0),
            })
            .GroupBy(x => new { x.Program, x.RegionCode })
            .Select(g => new { g.Key.Program, g.Key.RegionCode, Stock = g.Sum(x => x.InStock), New = g.Sum(x => x.IsNew) })
            .ToDictionaryAsync(x => (x.Program, x.RegionCode), x => (x.Stock, x.New), ct);
    }

    /// <summary>
    /// The monthly amount in force at <paramref name="month"/> is the amount before the earliest adjustment effective
    /// after it (the rule payroll generation uses). Only enrolments adjusted later than the month need a correction, so
    /// the main query stays a plain GROUP BY and this one reads the few later adjustments.
    /// </summary>
    private async Task CorrectForLaterAdjustmentsAsync(List<Cell> stock, IQueryable<Enrollment> inStock, DateOnly month, CancellationToken ct)
    {
        var later = await inStock
            .Join(db.EnrollmentEvents.Where(ev => ev.Kind == EnrollmentEventKind.Adjusted && ev.EffectiveMonth > month), e => e.Id, ev => ev.EnrollmentId,
                (e, ev) => new { e.Id, e.Program, e.RegionCode, e.MonthlyAmount, ev.EffectiveMonth, ev.At, ev.OldAmount })
            .ToListAsync(ct);
        var corrections = later.GroupBy(x => x.Id).Select(g => g.OrderBy(x => x.EffectiveMonth).ThenBy(x => x.At).First())
            .GroupBy(x => (x.Program, x.RegionCode)).ToDictionary(g => g.Key, g => g.Sum(x => x.OldAmount - x.MonthlyAmount));
        for (var i = 0; i < stock.Count; i++)
        {
            if (corrections.TryGetValue((stock[i].Program, stock[i].RegionCode), out var delta))
            {
                stock[i] = stock[i] with { Amount = stock[i].Amount + delta };
            }
        }
    }

    /// <summary>
    /// 临时救助 and 医疗救助 decided (approved) within the period: 户次 (household aid; 个人救助 counts its person only),
    /// 人次 (the covered persons) and amounts; 临时救助 by category, place and kind of aid (<see cref="TemporaryBreakdown"/>).
    /// </summary>
    private async Task<List<Cell>> OneOffAsync(ReportQuery q, CancellationToken ct) =>
        [.. await CaseAidAsync(q, ct), .. await SettledMedicalAidAsync(q, ct)];

    /// <summary>医疗救助 given at discharge through the 一站式 path: each aided settlement of an approved file is one 人次, counted on its settlement date.</summary>
    private Task<List<Cell>> SettledMedicalAidAsync(ReportQuery q, CancellationToken ct) =>
        db.MedicalSettlements.AsNoTracking()
            .Where(s => s.Amount > 0 && !s.Voided && s.RegionCode.StartsWith(q.Prefix) && s.SettledOn >= q.From && s.SettledOn <= q.To)
            .Join(db.MedicalSettlementBatches.Where(b => b.Status == OneOffs.OneOffBatchStatus.Approved), s => s.BatchId, b => b.Id, (s, b) => s)
            .GroupBy(s => s.RegionCode)
            .Select(g => new Cell("medical", g.Key, g.Count(), g.Count(), g.Sum(s => s.Amount), null))
            .ToListAsync(ct);

    private async Task<List<Cell>> CaseAidAsync(ReportQuery q, CancellationToken ct) =>
        (await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Approved && (c.Program == "temporary" || c.Program == "medical") && c.RegionCode.StartsWith(q.Prefix)
                && c.DecidedOn >= q.From && c.DecidedOn <= q.To)
            .GroupBy(c => new { c.Program, c.RegionCode, c.TemporaryCategory, c.AidPlace, c.IndividualAid })
            .Select(g => new
            {
                g.Key,
                Households = g.Key.IndividualAid ? 0 : g.Count(),
                Persons = g.Sum(c => c.CoveredPersons ?? 1),
                Amount = g.Sum(c => c.MonthlyAmount ?? 0m),
            })
            .ToListAsync(ct))
        .Select(x => new Cell(x.Key.Program, x.Key.RegionCode, x.Households, x.Persons, x.Amount,
            x.Key.Program == "temporary" ? TemporaryBreakdown.Key(x.Key.TemporaryCategory, x.Key.AidPlace, x.Key.IndividualAid) : null))
        .ToList();

    /// <summary>先行救助 paid from the township reserve funds within the period, counted in the region of the case.</summary>
    private Task<List<Cell>> ReserveFundAsync(ReportQuery q, CancellationToken ct) =>
        db.ReserveFund.AsNoTracking().Where(r => r.Amount < 0 && r.Date >= q.From && r.Date <= q.To && r.CaseId != null)
            .Join(db.Cases.Where(c => c.RegionCode.StartsWith(q.Prefix)), r => r.CaseId, c => c.Id, (r, c) => new { c.Program, c.RegionCode, c.CoveredPersons, r.Amount })
            .GroupBy(x => new { x.Program, x.RegionCode })
            .Select(g => new Cell(g.Key.Program, g.Key.RegionCode, g.Count(), g.Sum(x => x.CoveredPersons ?? 1), -g.Sum(x => x.Amount)))
            .ToListAsync(ct);
}
