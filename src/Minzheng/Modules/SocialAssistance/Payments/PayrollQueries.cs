using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>
/// A payroll as the caller sees it. <c>Slice</c> is set when the payroll belongs to a region above the caller's (a county
/// payroll seen by a township): then every figure, households to failed, is of the caller's subtree only, and the payroll
/// is <c>ReadOnly</c> to the caller — none of its steps (approve, correct, bank file, re-issue) is theirs.
/// </summary>
public sealed record PayrollDto(Guid Id, string Program, string ProgramName, string Kind, string RegionCode, string RegionName, string Period,
    string Status, string StatusName, int Households, int Persons, int Lines, decimal TotalAmount, string CreatedBy, DateTimeOffset CreatedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason, Guid? SourcePayrollId, int FailedLines, decimal FailedAmount, bool ReadOnly,
    PayrollSlice? Slice, PayrollChange? Change = null);

/// <summary>The part of a payroll a caller below its region sees: their own region.</summary>
public sealed record PayrollSlice(string RegionCode, string RegionName);

/// <summary>A payroll's lines in one township (or, for a view of one township or narrower, one village or community).</summary>
public sealed record AreaTotal(string RegionCode, string Name, string Level, int Households, int Persons, int Lines, decimal Amount, int FailedLines);

public sealed record PayrollLineDto(Guid EnrollmentId, Guid HouseholdId, string Month, string Kind, string RegionCode, string RegionName, string PersonName,
    string IdNumberMasked, int CoveredPersons, decimal Amount, string Explanation, string? BankName, string? BankAccountMasked, string? AccountHolder,
    string Status, string? FailureReason);

/// <summary>A payee the bank file leaves out: a net recovery to collect, or no bank account on file.</summary>
public sealed record Unpaid(Guid EnrollmentId, Guid HouseholdId, string RegionCode, string RegionName, string PersonName, string IdNumberMasked, decimal Amount,
    string Reason);

/// <summary>Due = paid + failed + pending (gross amounts owed); recovered are the 追回 offsets and collections.</summary>
public sealed record LedgerRow(string Program, string ProgramName, string RegionCode, string RegionName, string Month, decimal Due, decimal Paid,
    decimal Failed, decimal Pending, decimal Recovered);

/// <summary>
/// Reading payrolls: summaries, area totals, lines (masked), the ledger per programme × area × month. Everything is read
/// through the region filter, so a caller sees the lines of their subtree; a payroll of a region above the caller's is
/// shown as its slice (<see cref="PayrollSlices"/>).
/// </summary>
public sealed class PayrollQueries(MinzhengDbContext db, RegionService regions, PayrollSlices slices, IRegionScope scope, PayrollChangeCheck changes)
{
    /// <summary>
    /// One page of the payrolls the caller sees, newest period first: their own region's payrolls whole and those of a
    /// region above as their slice. The two lists are merged, so each gives its first (skip + size) rows and the total is
    /// the sum of both counts.
    /// </summary>
    public async Task<Paged<PayrollDto>> ListAsync(string? program, string? status, PageRequest request, CancellationToken ct)
    {
        var code = AssistancePrograms.PayableByCode(program)?.Code;
        PayrollStatus? wanted = Enum.TryParse<PayrollStatus>(status, true, out var s) ? s : null;
        var q = db.Payrolls.AsNoTracking();
        if (code is not null)
        {
            q = q.Where(x => x.Program == code);
        }

        if (wanted is { } w)
        {
            q = q.Where(x => x.Status == w);
        }

        var window = request.Skip + request.Size;
        var own = await q.OrderByDescending(x => x.PeriodStart).ThenByDescending(x => x.CreatedAt).Take(window).ToListAsync(ct);
        var total = own.Count < window && request.Skip == 0 ? own.Count : await q.CountAsync(ct);
        var failed = await slices.FailedAsync(own.Select(p => p.Id).ToList(), ct);
        var sliced = await slices.ListAsync(code, wanted, window, ct);
        var names = await regions.NamesOfAsync(own.Concat(sliced.Select(x => x.Payroll)).Select(p => p.RegionCode).Append(scope.RegionCode()), ct);
        var whole = own.Select(p => (Payroll: p, Dto: Whole(p, names, failed.GetValueOrDefault(p.Id))));
        var parts = sliced.Select(x => (x.Payroll, Dto: Sliced(x.Payroll, x.Totals, names))).ToList();
        total += parts.Count < window && request.Skip == 0 ? parts.Count : await slices.CountAsync(code, wanted, ct);
        var page = whole.Concat(parts).OrderByDescending(x => x.Payroll.PeriodStart).ThenByDescending(x => x.Payroll.CreatedAt)
            .Skip(request.Skip).Take(request.Size).Select(x => x.Dto).ToList();
        return new Paged<PayrollDto>(page, total, request.Page, request.Size);
    }

    /// <summary>The payroll as the caller may see it — whole, or as their slice; null (404) when neither.</summary>
    public async Task<PayrollDto?> GetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Payrolls.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p)
        {
            // While it waits for approval, with the change warning the approver must confirm.
            return Whole(p, await regions.NamesOfAsync([p.RegionCode], ct), (await slices.FailedAsync([id], ct)).GetValueOrDefault(id))
                with
            { Change = p.Status == PayrollStatus.Pending ? await changes.CheckAsync(p, ct) : null };
        }

        return await slices.FindAsync(id, ct) is { } slice ? Sliced(slice.Payroll, slice.Totals, await regions.NamesOfAsync([slice.Payroll.RegionCode, scope.RegionCode()], ct)) : null;
    }

    /// <summary>
    /// Totals per township of the lines the caller sees; per village (community) when the caller or the payroll is of one
    /// township or narrower — a township clerk works with its villages, and prints a signature list for each.
    /// </summary>
    public async Task<List<AreaTotal>> AreasAsync(PayrollDto payroll, CancellationToken ct) =>
        await AreasAsync(payroll.Id, Math.Max(scope.Prefix.Length, payroll.RegionCode.Length) >= 9, ct);

    public async Task<List<AreaTotal>> AreasAsync(Guid id, bool byVillage, CancellationToken ct)
    {
        var digits = byVillage ? RegionCode.Length : 9;
        var rows = await db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id).WithAnswers(db)
            .GroupBy(x => x.Line.RegionCode.Substring(0, digits))
            .Select(g => new
            {
                g.Key,
                Households = g.Select(x => x.Line.HouseholdId).Distinct().Count(),
                Lines = g.Count(),
                Amount = g.Sum(x => x.Line.Amount),
                FailedLines = g.Count(x => x.Failed),
            })
            .ToListAsync(ct);
        // Persons as the payroll counts them: each enrolment's covered persons once, however many lines it has.
        var persons = (await db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id && l.Kind != LineKind.Recovery)
                .GroupBy(l => new { Area = l.RegionCode.Substring(0, digits), l.EnrollmentId })
                .Select(g => new { g.Key.Area, Covered = g.Max(l => l.CoveredPersons) }).ToListAsync(ct))
            .GroupBy(x => x.Area).ToDictionary(g => g.Key, g => g.Sum(x => x.Covered));
        var names = await regions.NamesOfAsync(rows.Select(r => r.Key.PadRight(RegionCode.Length, '0')), ct);
        return rows.OrderBy(r => r.Key).Select(r =>
        {
            var code = r.Key.PadRight(RegionCode.Length, '0');
            return new AreaTotal(code, names.GetValueOrDefault(code, code), byVillage ? "village" : "township", r.Households,
                persons.GetValueOrDefault(r.Key), r.Lines, r.Amount, r.FailedLines);
        }).ToList();
    }

    public async Task<List<BankFileExport>> ExportsAsync(Guid id, CancellationToken ct) =>
        await db.BankFileExports.AsNoTracking().Where(x => x.PayrollId == id).OrderByDescending(x => x.CreatedAt).ToListAsync(ct);

    /// <summary>Whether a ledger (or a statistic) of <paramref name="region"/> is broken down by village rather than by township.</summary>
    public bool LedgerByVillage(string? region) => Math.Max((RegionCode.ToScopePrefix(region) ?? "").Length, scope.Prefix.Length) >= 9;

    /// <summary>
    /// 资金台账 of approved payrolls per programme × area × month — townships, or villages for a view of one township or
    /// narrower: due (every amount owed), paid and failed as the bank answered, pending its answer, recovered (追回 lines).
    /// Re-issued lines count once, in the payroll that paid them again. Only the lines the caller sees count, whoever's
    /// payroll paid them: a township's ledger shows what county payrolls paid its people.
    /// </summary>
    public async Task<List<LedgerRow>> LedgerAsync(string? program, string? region, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region) ?? "";
        var digits = LedgerByVillage(region) ? RegionCode.Length : 9;
        // Re-issued lines are left out first (the money is in the payroll that re-issued them), so no answer means pending.
        var groups = await db.PayrollLines.AsNoTracking()
            .Where(l => l.Month >= from && l.Month <= to && l.Status != PaymentStatus.Reissued && l.RegionCode.StartsWith(prefix)).WithAnswers(db)
            .GroupBy(x => new { x.Line.PayrollId, Area = x.Line.RegionCode.Substring(0, digits), x.Line.Month })
            .Select(g => new
            {
                g.Key.PayrollId,
                g.Key.Area,
                g.Key.Month,
                Due = g.Where(x => x.Line.Amount > 0).Sum(x => x.Line.Amount),
                Paid = g.Where(x => x.Line.Amount > 0 && x.Paid).Sum(x => x.Line.Amount),
                Failed = g.Where(x => x.Line.Amount > 0 && x.Failed).Sum(x => x.Line.Amount),
                Pending = g.Where(x => x.Line.Amount > 0 && !x.Paid && !x.Failed).Sum(x => x.Line.Amount),
                Recovered = -g.Where(x => x.Line.Kind == LineKind.Recovery).Sum(x => x.Line.Amount),
            }).ToListAsync(ct);
        // Which of those payrolls are approved, and of which programme, from their headers: read in a query of its own,
        // past the filter (a county payroll's header is hidden from a township), only for payrolls the caller has lines of.
        var ids = groups.Select(g => g.PayrollId).Distinct().ToList();
        var known = AssistancePrograms.PayableByCode(program)?.Code;
        var approved = await db.Payrolls.AcrossRegions("approval and programme of payrolls whose lines the caller sees, whichever region made them")
            .Where(p => ids.Contains(p.Id) && p.Status == PayrollStatus.Approved && (known == null || p.Program == known))
            .Select(p => new { p.Id, p.Program }).ToDictionaryAsync(p => p.Id, p => p.Program, ct);
        var names = await regions.NamesOfAsync(groups.Select(g => g.Area.PadRight(RegionCode.Length, '0')), ct);
        return groups.Where(g => approved.ContainsKey(g.PayrollId))
            .GroupBy(g => (Program: approved[g.PayrollId], g.Area, g.Month))
            .OrderBy(g => g.Key.Program, StringComparer.Ordinal).ThenBy(g => g.Key.Area, StringComparer.Ordinal).ThenBy(g => g.Key.Month)
            .Select(g =>
            {
                var code = g.Key.Area.PadRight(RegionCode.Length, '0');
                return new LedgerRow(g.Key.Program, AssistancePrograms.NameOf(g.Key.Program), code, names.GetValueOrDefault(code, code),
                    g.Key.Month.ToString("yyyy-MM", null), g.Sum(x => x.Due), g.Sum(x => x.Paid), g.Sum(x => x.Failed), g.Sum(x => x.Pending), g.Sum(x => x.Recovered));
            }).ToList();
    }

    private static PayrollDto Whole(Payroll p, IReadOnlyDictionary<string, string> names, (int Lines, decimal Amount) failed) => new(p.Id, p.Program,
        AssistancePrograms.NameOf(p.Program), InputValues.Code(p.Kind), p.RegionPrefix, names.GetValueOrDefault(p.RegionCode, p.RegionCode),
        p.PeriodText, InputValues.Code(p.Status), PayrollService.Status(p.Status), p.Households, p.Persons, p.LineCount, p.TotalAmount, p.CreatedBy,
        p.CreatedAt, p.DecidedBy, p.DecidedAt, p.RejectReason, p.SourcePayrollId, failed.Lines, failed.Amount, ReadOnly: false, Slice: null);

    private PayrollDto Sliced(Payroll p, SliceTotals t, IReadOnlyDictionary<string, string> names)
    {
        var own = scope.RegionCode();
        return Whole(p, names, (t.FailedLines, t.FailedAmount)) with
        {
            Households = t.Households,
            Persons = t.Persons,
            Lines = t.Lines,
            TotalAmount = t.Amount,
            ReadOnly = true,
            Slice = new PayrollSlice(own, names.GetValueOrDefault(own, own)),
        };
    }
}
