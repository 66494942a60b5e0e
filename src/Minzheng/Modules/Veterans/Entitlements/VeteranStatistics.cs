using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Statistics;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary>
/// One category's stock as of the end of the period: persons, and the monthly amount they draw; and the 临时救助 and
/// 医疗救助 its holders received within the period (人次, and the amount with each case or settlement counted once).
/// </summary>
public sealed record CategoryFigures(string Category, string Name, int Persons, decimal MonthlyAmount,
    int TemporaryAidTimes = 0, decimal TemporaryAidAmount = 0m, int MedicalAidTimes = 0, decimal MedicalAidAmount = 0m);

/// <summary>
/// 困难优抚对象's one-off aid within the period, decided through social assistance's own procedures (a case, or a hospital
/// settlement) but reported apart: 人次 (a household case covering two entitled persons is two), and the amount.
/// </summary>
public sealed record AidFigures(string Program, string Name, int Times, int Persons, decimal Amount);

/// <summary>Discharged soldiers received in the period (by discharge date) on one placement path; how many reported late.</summary>
public sealed record PathFigures(string Path, string Name, int Soldiers, int ReportedLate);

/// <summary><c>GET /api/v1/veterans/statistics</c>: 重点优抚对象 as of <c>to</c> by category, and the flows within [from, to].</summary>
public sealed record VeteranFigures(string Region, DateOnly From, DateOnly To, int Persons, decimal MonthlyAmount, IReadOnlyList<CategoryFigures> Categories,
    int NewPersons, int Deaths, decimal FuneralAid, IReadOnlyList<PathFigures> Placements, IReadOnlyList<AidFigures> Aid);

/// <summary>The figures of the 优抚 register for the dashboard, the statistics page and the drafted work summary; never a name.</summary>
public sealed class VeteranStatistics(MinzhengDbContext db, PeriodStatistics period, IGrantedAid grantedAid)
{
    public Task<(Outcome Outcome, VeteranFigures? Value, FieldErrors Errors)> ComputeAsync(string? region, string? from, string? to, CancellationToken ct) =>
        period.ComputeAsync(region, from, to, (prefix, start, end) => FiguresAsync(prefix, start, end, ct), ct);

    public async Task<VeteranFigures> FiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var month = new DateOnly(to.Year, to.Month, 1);
        // A county's register is a few thousand rows: counted in memory after one narrow query.
        var rows = await db.VeteranEntitlements.AsNoTracking().Where(e => e.RegionCode.StartsWith(prefix) && e.CreatedAt <= to.ToDateTime(TimeOnly.MaxValue))
            .Select(e => new { e.PersonId, e.Category, e.StartMonth, e.EndMonth, e.MonthlyAmount, e.DeathDate, e.FuneralAid, Enrolled = e.EnrollmentId != null }).ToListAsync(ct);
        var stock = rows.Where(e => e.StartMonth <= month && (e.EndMonth is null || e.EndMonth > month)).ToList();
        var byPerson = rows.ToLookup(e => e.PersonId);
        // Aid counts for a category when the person held it in the month the aid was granted (a person may hold two).
        var granted = (await grantedAid.ToPersonsAsync(db.VeteranEntitlements.Where(e => e.RegionCode.StartsWith(prefix)).Select(e => e.PersonId), prefix, from, to, ct))
            .SelectMany(a => byPerson[a.PersonId].Where(e => HeldIn(e.StartMonth, e.EndMonth, a.GrantedOn)).Select(e => (Aid: a, e.Category)))
            .ToList();
        var categories = VeteranCategories.All.Select(c =>
        {
            var aid = granted.Where(g => g.Category == c.Code).Select(g => g.Aid).ToList();
            var (temporary, medical) = (Aid(aid, GrantedAidPrograms.Temporary, ""), Aid(aid, GrantedAidPrograms.Medical, ""));
            return new CategoryFigures(c.Code, c.Name, stock.Count(e => e.Category == c.Code), stock.Where(e => e.Category == c.Code && e.Enrolled).Sum(e => e.MonthlyAmount),
                temporary.Times, temporary.Amount, medical.Times, medical.Amount);
        }).Where(c => c.Persons > 0 || c.TemporaryAidTimes > 0 || c.MedicalAidTimes > 0).ToList();
        var grantedOnce = granted.Select(g => g.Aid).Distinct().ToList();
        var deaths = rows.Where(e => e.DeathDate >= from && e.DeathDate <= to).ToList();
        var placed = (await db.VeteranPlacements.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix) && p.DischargedOn >= from && p.DischargedOn <= to)
            .ToListAsync(ct)).Select(Resettlement.PlacementService.Row).ToList();
        var paths = Enum.GetValues<Resettlement.PlacementPath>().Select(p => (Code: Platform.Web.InputValues.Code(p), Name: Resettlement.PlacementService.PathName(p)))
            .Select(p => new PathFigures(p.Code, p.Name, placed.Count(x => x.Path == p.Code), placed.Count(x => x.Path == p.Code && x.ReportedLate)))
            .Where(p => p.Soldiers > 0).ToList();
        return new VeteranFigures(prefix, from, to, stock.Count, categories.Sum(c => c.MonthlyAmount), categories,
            rows.Count(e => e.StartMonth >= new DateOnly(from.Year, from.Month, 1) && e.StartMonth <= month), deaths.Count, deaths.Sum(e => e.FuneralAid), paths,
            [Aid(grantedOnce, GrantedAidPrograms.Temporary, "临时救助"), Aid(grantedOnce, GrantedAidPrograms.Medical, "医疗救助")]);
    }

    private static bool HeldIn(DateOnly startMonth, DateOnly? endMonth, DateOnly day)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        return startMonth <= month && (endMonth is null || endMonth > month);
    }

    private static AidFigures Aid(IReadOnlyCollection<GrantedAid> granted, string program, string name)
    {
        var rows = granted.Where(a => a.Program == program).ToList();
        return new AidFigures(program, name, rows.Count, rows.Select(a => a.PersonId).Distinct().Count(),
            rows.DistinctBy(a => a.SourceId).Sum(a => a.Amount));
    }
}

/// <summary>
/// 优抚安置's part of the drafted work summary, in the words of bureau reports ("重点优抚对象1809人，月发放抚恤补助…"); left
/// out when the region has no entitled person.
/// </summary>
public sealed class VeteranWorkSummary(VeteranStatistics statistics) : IWorkSummaryContributor
{
    public async Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await statistics.FiguresAsync(q.Prefix, q.From, q.To, ct);
        if (f.Persons == 0 && f.Deaths == 0 && f.Placements.Count == 0)
        {
            return [];
        }

        var parts = string.Join("、", f.Categories.Select(c => $"{c.Name}{c.Persons}人"));
        var text = string.Create(CultureInfo.InvariantCulture, $"在册重点优抚对象{f.Persons}人（{parts}），按月发放抚恤补助{ReportFormat.Wan(f.MonthlyAmount)}；")
            + (f.Deaths > 0 ? string.Create(CultureInfo.InvariantCulture, $"优抚对象去世{f.Deaths}人，发放丧葬补助{ReportFormat.Wan(f.FuneralAid)}。") : "期内新增优抚对象" + f.NewPersons.ToString(CultureInfo.InvariantCulture) + "人。");
        if (f.Aid.Where(a => a.Times > 0).ToList() is { Count: > 0 } aid)
        {
            text += "困难优抚对象获" + string.Join("、", aid.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name}{a.Times}人次{ReportFormat.Wan(a.Amount)}"))) + "。";
        }

        if (f.Placements.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"接收安置退役士兵{f.Placements.Sum(p => p.Soldiers)}名（{string.Join("、", f.Placements.Select(p => $"{p.Name}{p.Soldiers}名"))}）。");
        }

        return [new WorkSummarySection("优抚安置", [new DraftSentence(text, WorkSummaryDrafter.Source("veterans/statistics", q, dates: true))])];
    }
}
