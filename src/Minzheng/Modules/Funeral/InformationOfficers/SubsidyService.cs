using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.InformationOfficers;

/// <summary>The yearly subsidy standard of an officer (<c>Funeral:OfficerSubsidy:AnnualStandard</c>, 600.00 元/年 unless set).</summary>
public sealed class OfficerSubsidyOptions
{
    public const string Section = "Funeral:OfficerSubsidy";
    public const decimal Max = 100_000m;

    public decimal AnnualStandard { get; set; } = 600.00m;

    public bool IsValid => IsStandard(AnnualStandard);

    public static bool IsStandard(decimal value) => value > 0m && value <= Max && decimal.Round(value, 2) == value;
}

/// <param name="RegionCode">The subtree the roster covers (12 digits, within the caller's region); the caller's own region when empty.</param>
public sealed record RosterRequest(int? Year, decimal? AnnualStandard, string? RegionCode = null);

public sealed record PaidRequest(string? PaidOn);

/// <summary>One line of a roster as the page, the API and the finance export show it (ID number masked).</summary>
public sealed record SubsidyRow(Guid Id, Guid OfficerId, string RegionCode, string Name, string IdNumberMasked, int Months, string Calculation, decimal Amount,
    DateOnly? PaidOn);

public sealed record SubsidyRoster(int Year, int Rosters, IReadOnlyList<SubsidyRow> Rows, decimal Total, decimal Paid, int PaidRows);

/// <summary>
/// The yearly 殡改信息员补贴: each officer who served in the year gets standard × months served ÷ 12, a month counting when
/// the officer served any day of it (the appointment and the end month included), rounded half away from zero to the fen.
/// </summary>
public sealed class SubsidyService(MinzhengDbContext db, IRegionScope scope, IOptions<OfficerSubsidyOptions> options, TimeProvider clock)
{
    public const int FirstYear = 2000;

    public static int MonthsServed(DateOnly appointed, DateOnly? ended, int year)
    {
        var start = appointed > new DateOnly(year, 1, 1) ? appointed : new DateOnly(year, 1, 1);
        var end = ended is { } e && e < new DateOnly(year, 12, 31) ? e : new DateOnly(year, 12, 31);
        return start > end ? 0 : ((end.Year * 12) + end.Month) - ((start.Year * 12) + start.Month) + 1;
    }

    public static decimal Amount(decimal standard, int months) => decimal.Round(standard * months / 12m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Generates the roster of the caller's region for a year that has ended (or reached December); a second one for the year is a conflict.</summary>
    public async Task<FuneralResult<SubsidyRoster>> GenerateAsync(RosterRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var latest = today.Month == 12 ? today.Year : today.Year - 1;
        if (r.Year is not { } year || year < FirstYear || year > latest)
        {
            errors.Add("year", $"年度（year）应为{FirstYear}至{latest}年之间（当年补贴12月起方可生成）");
        }

        var standard = r.AnnualStandard ?? options.Value.AnnualStandard;
        if (!OfficerSubsidyOptions.IsStandard(standard))
        {
            errors.Add("annualStandard", $"补贴标准（annualStandard）应大于0、不超过{OfficerSubsidyOptions.Max:0}元/年，最多两位小数");
        }

        var region = string.IsNullOrWhiteSpace(r.RegionCode) ? scope.RegionCode() : r.RegionCode.Trim();
        if (!RegionCode.IsValid(region) || !region.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "发放区划（regionCode）应为您管辖范围内的12位区划代码");
        }

        if (errors.Any)
        {
            return FuneralResult<SubsidyRoster>.Invalid(errors);
        }

        var y = r.Year!.Value;
        var own = RegionCode.Prefix(region);
        var existing = await db.OfficerSubsidyRosters.AsNoTracking().AcrossRegions("a roster may not overlap another's villages, whoever generated it")
            .Where(x => x.Year == y).Select(x => x.RegionCode).ToListAsync(ct);
        if (existing.FirstOrDefault(x => RegionCode.Overlap(RegionCode.Prefix(x), own)) is { } other)
        {
            return FuneralResult<SubsidyRoster>.Refused(Outcome.Conflict, $"{y}年度的殡改信息员补贴已生成（区划{other}），不能重复生成");
        }

        var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var officers = await db.InformationOfficers.AsNoTracking().Where(o => o.RegionCode.StartsWith(own) && o.AppointedOn <= to && (o.EndedOn == null || o.EndedOn >= from))
            .Select(o => new { o.Id, o.RegionCode, o.AppointedOn, o.EndedOn }).ToListAsync(ct);
        var roster = new OfficerSubsidyRoster { RegionCode = region, Year = y, AnnualStandard = standard, GeneratedOn = today };
        db.OfficerSubsidyRosters.Add(roster);
        db.OfficerSubsidyLines.AddRange(officers.Select(o => (o, Months: MonthsServed(o.AppointedOn, o.EndedOn, y))).Where(x => x.Months > 0)
            .Select(x => new OfficerSubsidyLine
            {
                RegionCode = x.o.RegionCode,
                RosterId = roster.Id,
                OfficerId = x.o.Id,
                Year = y,
                Months = x.Months,
                AnnualStandard = standard,
                Amount = Amount(standard, x.Months),
            }));
        try
        {
            // One SaveChanges is one transaction: the roster and all its lines, or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FuneralResult<SubsidyRoster>.Refused(Outcome.Conflict, $"{y}年度的殡改信息员补贴刚刚已由他人生成，不能重复生成");
        }

        return FuneralResult<SubsidyRoster>.Done(await RosterAsync(y, ct));
    }

    public async Task<SubsidyRoster> RosterAsync(int year, CancellationToken ct)
    {
        var rows = await (from l in db.OfficerSubsidyLines.AsNoTracking()
                          join o in db.InformationOfficers.AsNoTracking() on l.OfficerId equals o.Id
                          where l.Year == year
                          orderby l.RegionCode, o.Name
                          select new { l, o.Name, o.IdNumberMasked }).ToListAsync(ct);
        var rosters = await db.OfficerSubsidyRosters.AsNoTracking().CountAsync(x => x.Year == year, ct);
        var list = rows.Select(x => new SubsidyRow(x.l.Id, x.l.OfficerId, x.l.RegionCode, x.Name, x.IdNumberMasked, x.l.Months, x.l.Calculation, x.l.Amount,
            x.l.PaidOn)).ToList();
        return new SubsidyRoster(year, rosters, list, list.Sum(x => x.Amount), list.Where(x => x.PaidOn is not null).Sum(x => x.Amount),
            list.Count(x => x.PaidOn is not null));
    }

    /// <summary>Marks a line paid on a day within its year or after, not in the future; paying twice is a conflict.</summary>
    public async Task<FuneralResult<SubsidyRow>> MarkPaidAsync(Guid lineId, PaidRequest r, CancellationToken ct)
    {
        var line = await db.OfficerSubsidyLines.SingleOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null)
        {
            return FuneralResult<SubsidyRow>.Refused(Outcome.NotFound, "补贴发放记录不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var paid = InputValues.PastDate(r.PaidOn, "paidOn", "发放日期", clock.Today(), required: true, errors);
        if (paid is { } day && day.Year < line.Year)
        {
            errors.Add("paidOn", $"发放日期不能早于补贴年度{line.Year}年");
        }

        if (errors.Any)
        {
            return FuneralResult<SubsidyRow>.Invalid(errors);
        }

        if (line.PaidOn is { } before)
        {
            return FuneralResult<SubsidyRow>.Refused(Outcome.Conflict, $"该笔补贴已于{before:yyyy-MM-dd}发放，不能重复发放");
        }

        line.PaidOn = paid;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<SubsidyRow>.Refused(Outcome.Conflict, "该笔补贴刚刚已由他人登记发放，请刷新后查看");
        }

        var officer = await db.InformationOfficers.AsNoTracking().SingleAsync(o => o.Id == line.OfficerId, ct);
        return FuneralResult<SubsidyRow>.Done(new SubsidyRow(line.Id, line.OfficerId, line.RegionCode, officer.Name, officer.IdNumberMasked, line.Months,
            line.Calculation, line.Amount, line.PaidOn));
    }
}
