using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>A statistical period: a month <c>2026-06</c> or a quarter <c>2026-Q2</c>.</summary>
public sealed record StatisticalPeriod(string Text, DateOnly FirstMonth, DateOnly LastMonth)
{
    public DateOnly LastDay => LastMonth.AddMonths(1).AddDays(-1);

    public static StatisticalPeriod? Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant() ?? "";
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            if (t[5] == 'Q' && t[6] is >= '1' and <= '4')
            {
                var first = new DateOnly(year, ((t[6] - '1') * 3) + 1, 1);
                return new StatisticalPeriod(t, first, first.AddMonths(2));
            }

            if (int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                var only = new DateOnly(year, month, 1);
                return new StatisticalPeriod(t, only, only);
            }
        }

        return null;
    }
}

/// <summary>
/// The figures of a 民政事业统计 period table for a region: per programme the stock at the end of the period with how
/// many of the persons concerned are elderly (60+), disabled or minors, the monthly amount, what approved payrolls paid
/// in the period and since January, 人次 of the one-off programmes and the reserve fund's 先行救助.
/// </summary>
public sealed class PeriodTables(AssistanceSummaryService summaries, PayrollQueries payrolls, [FromKeyedServices(StandbyReads.Key)] MinzhengDbContext db)
{
    public async Task<List<TableRow>> RowsAsync(string prefix, StatisticalPeriod period, CancellationToken ct)
    {
        var code = prefix.PadRight(RegionCode.Length, '0');
        var query = new ReportQuery(prefix, code, prefix, period.FirstMonth, period.LastDay);
        var programs = (await summaries.CellsAsync(query, ct)).RollUp(prefix);
        var groups = await GroupsAsync(prefix, period.LastMonth, period.LastDay, ct);
        var inPeriod = await PaidAsync(prefix, period.FirstMonth, period.LastMonth, ct);
        var sinceJanuary = await PaidAsync(prefix, new DateOnly(period.LastMonth.Year, 1, 1), period.LastMonth, ct);
        return programs.Select(p =>
        {
            var g = groups.GetValueOrDefault(p.Program);
            return new TableRow(p.Program, p.Name, p.Households, p.Persons, g.Elderly, g.Disabled, g.Minors, p.MonthlyAmount,
                inPeriod.GetValueOrDefault(p.Program) + (p.OneOff ? p.PeriodAmount : 0m), sinceJanuary.GetValueOrDefault(p.Program),
                p.OneOff ? p.NewPersons : 0, p.ReserveFundPersons, p.ReserveFundAmount, g.SevereDisabled, g.SeriouslyIll);
        }).ToList();
    }

    private async Task<Dictionary<string, decimal>> PaidAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await payrolls.LedgerAsync(null, prefix, from, to, ct)).GroupBy(r => r.Program).ToDictionary(g => g.Key, g => g.Sum(r => r.Due));

    /// <summary>
    /// 其中 counts among the persons concerned at the end of the period: the members of households in a household-based
    /// programme who had not left by then, the enrolled person in a person-based one. Membership start dates are not
    /// used: a migrated caseload's members are registered on the day of the import, long after they joined the household.
    /// </summary>
    private async Task<Dictionary<string, (int Elderly, int Disabled, int Minors, int SevereDisabled, int SeriouslyIll)>> GroupsAsync(string prefix, DateOnly month, DateOnly day,
        CancellationToken ct)
    {
        var (elderlyBorn, minorBorn) = (day.AddYears(-60), day.AddYears(-18));
        var stock = db.Enrollments.AsNoTracking().Where(e => e.RegionCode.StartsWith(prefix) && e.StartMonth <= month && (e.EndMonth == null || e.EndMonth >= month));
        var perHousehold = AssistancePrograms.HouseholdBased;
        var members = from e in stock.Where(e => perHousehold.Contains(e.Program))
                      join m in db.HouseholdMembers on e.HouseholdId equals m.HouseholdId
                      where m.ValidTo == null || m.ValidTo > day
                      join p in db.Persons on m.PersonId equals p.Id
                      where p.BirthDate <= day
                      select new { e.Program, p.BirthDate, p.DisabilityGrade, p.SeriousIllness };
        var persons = from e in stock.Where(e => !perHousehold.Contains(e.Program))
                      join p in db.Persons on e.PersonId equals p.Id
                      select new { e.Program, p.BirthDate, p.DisabilityGrade, p.SeriousIllness };
        var rows = await members.Concat(persons).GroupBy(x => x.Program)
            .Select(g => new
            {
                Program = g.Key,
                Elderly = g.Count(x => x.BirthDate <= elderlyBorn),
                Disabled = g.Count(x => x.DisabilityGrade != null),
                Minors = g.Count(x => x.BirthDate > minorBorn),
                SevereDisabled = g.Count(x => x.DisabilityGrade == 1 || x.DisabilityGrade == 2),
                SeriouslyIll = g.Count(x => x.SeriousIllness),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Program, r => (r.Elderly, r.Disabled, r.Minors, r.SevereDisabled, r.SeriouslyIll));
    }
}
