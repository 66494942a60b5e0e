using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>What a payroll's lines add up to within one region subtree (the caller's slice, or the whole payroll).</summary>
public sealed record SliceTotals(int Households, int Persons, int Lines, decimal Amount, int FailedLines, decimal FailedAmount);

/// <summary>
/// Payrolls made for a region above the caller's (a county payroll seen by a township or a village): the region filter
/// hides their header, yet their lines in the caller's subtree are the money paid to the caller's people. Such a payroll
/// is shown as its slice — figures from those lines only, never the payroll's own totals — and only when the slice has
/// lines. The header is read past the filter (one reason, below); the lines are always read through it, in queries of
/// their own, because bypassing the filter in a query bypasses it for every table the query touches.
/// </summary>
public sealed class PayrollSlices(MinzhengDbContext db, IRegionScope scope)
{
    private const string HeaderReason =
        "the header of a payroll of a region above the caller's, shown as its slice of lines in the caller's subtree; the lines stay filtered";

    /// <summary>Enough headers to fill a list page even when some programmes pay nobody in the caller's subtree.</summary>
    private const int MaxCandidates = 1000;

    /// <summary>The significant prefixes of the regions strictly above the caller's: a payroll of one of them covers the caller.</summary>
    public IReadOnlyList<string> Above() => scope.PrefixesAbove();

    /// <summary>Payrolls above the caller with lines in the caller's subtree, newest period first, with the slice's figures.</summary>
    public async Task<List<(Payroll Payroll, SliceTotals Totals)>> ListAsync(string? program, PayrollStatus? status, int take, CancellationToken ct)
    {
        var above = Above();
        if (above.Count == 0)
        {
            return [];
        }

        var q = db.Payrolls.AcrossRegions(HeaderReason).AsNoTracking().Where(p => above.Contains(p.RegionPrefix));
        if (program is not null)
        {
            q = q.Where(p => p.Program == program);
        }

        if (status is { } s)
        {
            q = q.Where(p => p.Status == s);
        }

        var headers = await q.OrderByDescending(p => p.PeriodStart).ThenByDescending(p => p.CreatedAt).Take(MaxCandidates).ToListAsync(ct);
        // Newest first, a page at a time: the slices' figures are counted from lines, so stop once the page is full.
        var found = new List<(Payroll, SliceTotals)>();
        foreach (var chunk in headers.Chunk(Math.Max(take, 20)))
        {
            var totals = await TotalsAsync(chunk.Select(h => h.Id).ToList(), ct);
            found.AddRange(chunk.Where(h => totals.ContainsKey(h.Id)).Select(h => (h, totals[h.Id])));
            if (found.Count >= take)
            {
                break;
            }
        }

        return found.Take(take).ToList();
    }

    /// <summary>How many payrolls above the caller have a line in the caller's subtree (the lines are read through the region filter).</summary>
    public Task<int> CountAsync(string? program, PayrollStatus? status, CancellationToken ct)
    {
        var above = Above();
        if (above.Count == 0)
        {
            return Task.FromResult(0);
        }

        var q = db.Payrolls.AcrossRegions(HeaderReason).AsNoTracking().Where(p => above.Contains(p.RegionPrefix));
        if (program is not null)
        {
            q = q.Where(p => p.Program == program);
        }

        if (status is { } s)
        {
            q = q.Where(p => p.Status == s);
        }

        var lines = db.PayrollLines;
        return q.CountAsync(p => lines.Any(l => l.PayrollId == p.Id), ct);
    }

    /// <summary>The payroll as the caller's slice; null when it is not above the caller or has no line in the caller's subtree (404).</summary>
    public async Task<(Payroll Payroll, SliceTotals Totals)?> FindAsync(Guid id, CancellationToken ct)
    {
        var above = Above();
        if (above.Count == 0)
        {
            return null;
        }

        var header = await db.Payrolls.AcrossRegions(HeaderReason).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && above.Contains(p.RegionPrefix), ct);
        if (header is null)
        {
            return null;
        }

        return (await TotalsAsync([id], ct)).TryGetValue(id, out var totals) ? (header, totals) : null;
    }

    /// <summary>
    /// The figures of the lines the caller sees, per payroll, counted as <see cref="PayrollService.RefreshTotalsAsync"/> counts
    /// a whole payroll (households and persons of enrolments paid something other than a recovery), so the slices of all
    /// townships add up to the county's totals. Failed: lines the bank refused that no supplementary payroll has re-issued yet.
    /// </summary>
    public async Task<Dictionary<Guid, SliceTotals>> TotalsAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.PayrollLines.AsNoTracking().Where(l => ids.Contains(l.PayrollId)).WithAnswers(db)
            .GroupBy(x => new { x.Line.PayrollId, x.Line.EnrollmentId, x.Line.HouseholdId })
            .Select(g => new
            {
                g.Key.PayrollId,
                g.Key.HouseholdId,
                Lines = g.Count(),
                Amount = g.Sum(x => x.Line.Amount),
                Paying = g.Max(x => x.Line.Kind == LineKind.Recovery ? 0 : 1),
                Covered = g.Max(x => x.Line.CoveredPersons),
                FailedLines = g.Count(x => x.Failed),
                FailedAmount = g.Where(x => x.Failed).Sum(x => x.Line.Amount),
            })
            .GroupBy(x => x.PayrollId)
            .Select(g => new
            {
                PayrollId = g.Key,
                Households = g.Where(x => x.Paying == 1).Select(x => x.HouseholdId).Distinct().Count(),
                Persons = g.Where(x => x.Paying == 1).Sum(x => x.Covered),
                Lines = g.Sum(x => x.Lines),
                Amount = g.Sum(x => x.Amount),
                FailedLines = g.Sum(x => x.FailedLines),
                FailedAmount = g.Sum(x => x.FailedAmount),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.PayrollId, r => new SliceTotals(r.Households, r.Persons, r.Lines, r.Amount, r.FailedLines, r.FailedAmount));
    }

    /// <summary>Failed lines and their amount per payroll, among the lines the caller sees (for whole payrolls, whose other totals are stored).</summary>
    public async Task<Dictionary<Guid, (int Lines, decimal Amount)>> FailedAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.PayrollLines.AsNoTracking().Where(l => ids.Contains(l.PayrollId)).WithAnswers(db).Where(AnsweredLine.Is(PaymentStatus.Failed))
            .GroupBy(x => x.Line.PayrollId).Select(g => new { g.Key, Lines = g.Count(), Amount = g.Sum(x => x.Line.Amount) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Lines, r.Amount));
    }
}
