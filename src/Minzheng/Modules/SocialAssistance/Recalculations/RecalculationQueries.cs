using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

public sealed record RecalculationDto(Guid Id, string Program, string ProgramName, string RegionCode, string RegionName, Guid StandardId,
    decimal StandardMonthlyAmount, string? Citation, string EffectiveMonth, string Status, string StatusName, int Considered, int Changed,
    int Skipped, int Unchanged, decimal OldMonthlyTotal, decimal NewMonthlyTotal, decimal MonthlyIncrease, string CreatedBy,
    DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason);

/// <summary>Changed enrolments, their monthly amounts before and after, per township.</summary>
public sealed record RecalculationTownship(string RegionCode, string Name, int Changed, int Skipped, decimal OldMonthlyTotal, decimal NewMonthlyTotal);

public sealed record RecalculationLineDto(Guid EnrollmentId, Guid HouseholdId, string RegionCode, string RegionName, string Name, string IdNumberMasked,
    int CoveredPersons, string EffectiveMonth, decimal OldAmount, decimal NewAmount, bool Skipped, string Explanation);

public sealed record RecalculationLinePage(int Total, List<RecalculationLineDto> Lines);

/// <summary>Reading recalculations: list, one with its township totals, and its lines (masked, paged) within the caller's region.</summary>
public sealed class RecalculationQueries(MinzhengDbContext db, RegionService regions)
{
    /// <summary>One page of the recalculations, newest first, with the total of the filtered list.</summary>
    public async Task<Paged<RecalculationDto>> ListAsync(string? status, PageRequest request, CancellationToken ct)
    {
        var q = db.Recalculations.AsNoTracking();
        if (Enum.TryParse<RecalculationStatus>(status, true, out var s))
        {
            q = q.Where(r => r.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var standards = await db.Standards.AsNoTracking().Where(x => rows.Select(r => r.StandardId).Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var names = await regions.NamesOfAsync(rows.Select(r => r.RegionCode), ct);
        return new Paged<RecalculationDto>([.. rows.Select(r => Dto(r, standards[r.StandardId], names))], total, request.Page, request.Size);
    }

    public async Task<RecalculationDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Recalculations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return r is null ? null : Dto(r, await db.Standards.AsNoTracking().SingleAsync(s => s.Id == r.StandardId, ct), await regions.NamesOfAsync([r.RegionCode], ct));
    }

    public async Task<List<RecalculationTownship>> TownshipsAsync(Guid id, CancellationToken ct)
    {
        var rows = await db.RecalculationLines.AsNoTracking().Where(l => l.RecalculationId == id)
            .GroupBy(l => l.RegionCode.Substring(0, 9))
            .Select(g => new
            {
                g.Key,
                Changed = g.Count(l => !l.Skipped),
                Skipped = g.Count(l => l.Skipped),
                Old = g.Where(l => !l.Skipped).Sum(l => l.OldAmount),
                New = g.Where(l => !l.Skipped).Sum(l => l.NewAmount),
            })
            .ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(r => r.Key.PadRight(RegionCode.Length, '0')), ct);
        return rows.OrderBy(r => r.Key).Select(r =>
        {
            var code = r.Key.PadRight(RegionCode.Length, '0');
            return new RecalculationTownship(code, names.GetValueOrDefault(code, code), r.Changed, r.Skipped, r.Old, r.New);
        }).ToList();
    }

    /// <summary>Lines by region and name; <paramref name="skipped"/> true for those left to a person, false for the changed ones.</summary>
    public async Task<RecalculationLinePage> LinesAsync(Guid id, bool? skipped, int skip, int take, CancellationToken ct)
    {
        var q = db.RecalculationLines.AsNoTracking().Where(l => l.RecalculationId == id);
        if (skipped is { } only)
        {
            q = q.Where(l => l.Skipped == only);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => new { l, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.l.RegionCode).ThenBy(x => x.Name).ThenBy(x => x.l.EnrollmentId)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(x => x.l.RegionCode), ct);
        return new RecalculationLinePage(total, rows.Select(x => new RecalculationLineDto(x.l.EnrollmentId, x.l.HouseholdId, x.l.RegionCode,
            names.GetValueOrDefault(x.l.RegionCode, x.l.RegionCode), x.Name, x.IdNumberMasked, x.l.CoveredPersons, x.l.EffectiveMonth.ToString("yyyy-MM", null),
            x.l.OldAmount, x.l.NewAmount, x.l.Skipped, x.l.Explanation)).ToList());
    }

    private static RecalculationDto Dto(Recalculation r, Standards.Standard s, IReadOnlyDictionary<string, string> names) => new(r.Id, r.Program,
        AssistancePrograms.NameOf(r.Program), r.RegionPrefix, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.StandardId,
        decimal.Round(s.MonthlyAmount, 2), s.Citation, r.EffectiveMonth.ToString("yyyy-MM", null), InputValues.Code(r.Status),
        RecalculationService.StatusName(r.Status), r.Considered, r.Changed, r.Skipped, r.Considered - r.Changed - r.Skipped, r.OldMonthlyTotal,
        r.NewMonthlyTotal, r.NewMonthlyTotal - r.OldMonthlyTotal, r.CreatedBy, r.CreatedAt, r.DecidedBy, r.DecidedAt, r.RejectReason);
}
