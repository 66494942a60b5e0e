using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

public sealed record PayrollDto(Guid Id, string Program, string ProgramName, string Kind, string RegionCode, string RegionName, string Period,
    string Status, string StatusName, int Households, int Persons, int Lines, decimal TotalAmount, string CreatedBy, DateTimeOffset CreatedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason, Guid? SourcePayrollId, PayrollChange? Change = null);

public sealed record TownshipTotal(string RegionCode, string Name, int Households, int Lines, decimal Amount);

public sealed record PayrollLineDto(Guid EnrollmentId, string Month, string Kind, string RegionCode, string PersonName, string IdNumberMasked,
    int CoveredPersons, decimal Amount, string Explanation, string? BankName, string? BankAccountMasked, string? AccountHolder, string Status,
    string? FailureReason);

/// <summary>A payee the bank file leaves out: a net recovery to collect, or no bank account on file.</summary>
public sealed record Unpaid(Guid EnrollmentId, string RegionCode, string PersonName, string IdNumberMasked, decimal Amount, string Reason);

/// <summary>Due = paid + failed + pending (gross amounts owed); recovered are the 追回 offsets and collections.</summary>
public sealed record LedgerRow(string Program, string ProgramName, string RegionCode, string RegionName, string Month, decimal Due, decimal Paid,
    decimal Failed, decimal Pending, decimal Recovered);

/// <summary>Reading payrolls: summaries, township totals, lines (masked), the ledger per programme × township × month.</summary>
public sealed class PayrollQueries(MinzhengDbContext db, RegionService regions, PayrollChangeCheck changes)
{
    public async Task<List<PayrollDto>> ListAsync(string? program, string? status, int take, CancellationToken ct)
    {
        var q = db.Payrolls.AsNoTracking();
        if (AssistancePrograms.PayableByCode(program) is { } p)
        {
            q = q.Where(x => x.Program == p.Code);
        }

        if (Enum.TryParse<PayrollStatus>(status, true, out var s))
        {
            q = q.Where(x => x.Status == s);
        }

        var rows = await q.OrderByDescending(x => x.PeriodStart).ThenByDescending(x => x.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var names = await regions.NamesAsync(ct);
        return rows.Select(r => Dto(r, names)).ToList();
    }

    /// <summary>One payroll; while it waits for approval, with the change warning the approver must confirm.</summary>
    public async Task<PayrollDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Payrolls.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p
            ? Dto(p, await regions.NamesAsync(ct)) with { Change = p.Status == PayrollStatus.Pending ? await changes.CheckAsync(p, ct) : null }
            : null;

    public async Task<List<TownshipTotal>> TownshipsAsync(Guid id, CancellationToken ct)
    {
        var rows = await db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id)
            .GroupBy(l => l.RegionCode.Substring(0, 9))
            .Select(g => new { g.Key, Households = g.Select(l => l.HouseholdId).Distinct().Count(), Lines = g.Count(), Amount = g.Sum(l => l.Amount) })
            .ToListAsync(ct);
        var names = await regions.NamesAsync(ct);
        return rows.OrderBy(r => r.Key).Select(r =>
        {
            var code = r.Key.PadRight(RegionCode.Length, '0');
            return new TownshipTotal(code, names.GetValueOrDefault(code, code), r.Households, r.Lines, r.Amount);
        }).ToList();
    }

    /// <summary>Lines in a stable order (region, name), masked; <paramref name="kind"/>/<paramref name="status"/> filter.</summary>
    public async Task<(int Total, List<PayrollLineDto> Lines)> LinesAsync(Guid id, string? kind, string? status, int skip, int take, CancellationToken ct)
    {
        var q = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id);
        if (Enum.TryParse<LineKind>(kind, true, out var k))
        {
            q = q.Where(l => l.Kind == k);
        }

        if (Enum.TryParse<PaymentStatus>(status, true, out var s))
        {
            q = q.Where(l => l.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => new { l, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.l.RegionCode).ThenBy(x => x.Name).ThenBy(x => x.l.EnrollmentId).ThenBy(x => x.l.Month)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return (total, rows.Select(x => new PayrollLineDto(x.l.EnrollmentId, x.l.Month.ToString("yyyy-MM", null), InputValues.Code(x.l.Kind),
            x.l.RegionCode, x.Name, x.IdNumberMasked, x.l.CoveredPersons, x.l.Amount, x.l.Explanation ?? PayrollGenerator.RegularExplanation(x.l.Month), x.l.BankName, x.l.BankAccountMasked,
            x.l.AccountHolder ?? x.Name, InputValues.Code(x.l.Status), x.l.FailureReason)).ToList());
    }

    /// <summary>Payees left out of the bank file: net recoveries (追回清单, to collect) and payees without an account.</summary>
    public async Task<List<Unpaid>> UnpaidAsync(Guid id, CancellationToken ct)
    {
        var rows = await db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id && l.Status != PaymentStatus.Reissued)
            .GroupBy(l => new { l.EnrollmentId, l.PersonId, l.RegionCode, HasAccount = l.BankAccountCipher != null })
            .Select(g => new { g.Key.EnrollmentId, g.Key.PersonId, g.Key.RegionCode, g.Key.HasAccount, Amount = g.Sum(l => l.Amount) })
            .Where(x => x.Amount < 0 || (x.Amount > 0 && !x.HasAccount))
            .Join(db.Persons, x => x.PersonId, p => p.Id, (x, p) => new { x, p.Name, p.IdNumberMasked })
            .OrderBy(r => r.x.RegionCode).ThenBy(r => r.Name).Take(500).ToListAsync(ct);
        return rows.Select(r => new Unpaid(r.x.EnrollmentId, r.x.RegionCode, r.Name, r.IdNumberMasked, r.x.Amount,
            r.x.Amount < 0 ? "多发款项，无后续发放可抵扣，需追回" : "缺少银行账号，请在家庭页补录后补发")).ToList();
    }

    public async Task<List<BankFileExport>> ExportsAsync(Guid id, CancellationToken ct) =>
        await db.BankFileExports.AsNoTracking().Where(x => x.PayrollId == id).OrderByDescending(x => x.CreatedAt).ToListAsync(ct);

    /// <summary>
    /// 资金台账 of approved payrolls per programme × township × month: due (every amount owed), paid and failed as the
    /// bank answered, pending its answer, recovered (追回 lines). Re-issued lines count once, in the payroll that paid them again.
    /// </summary>
    public async Task<List<LedgerRow>> LedgerAsync(string? program, string? region, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region) ?? "";
        var q = db.PayrollLines.AsNoTracking().Where(l => l.Month >= from && l.Month <= to && l.Status != PaymentStatus.Reissued && l.RegionCode.StartsWith(prefix))
            .Join(db.Payrolls.Where(p => p.Status == PayrollStatus.Approved), l => l.PayrollId, p => p.Id, (l, p) => new { l, p.Program });
        if (AssistancePrograms.PayableByCode(program) is { } known)
        {
            q = q.Where(x => x.Program == known.Code);
        }

        var rows = await q.GroupBy(x => new { x.Program, Township = x.l.RegionCode.Substring(0, 9), x.l.Month })
            .Select(g => new
            {
                g.Key.Program,
                g.Key.Township,
                g.Key.Month,
                Due = g.Where(x => x.l.Amount > 0).Sum(x => x.l.Amount),
                Paid = g.Where(x => x.l.Amount > 0 && x.l.Status == PaymentStatus.Paid).Sum(x => x.l.Amount),
                Failed = g.Where(x => x.l.Amount > 0 && x.l.Status == PaymentStatus.Failed).Sum(x => x.l.Amount),
                Pending = g.Where(x => x.l.Amount > 0 && x.l.Status == PaymentStatus.Pending).Sum(x => x.l.Amount),
                Recovered = -g.Where(x => x.l.Kind == LineKind.Recovery).Sum(x => x.l.Amount),
            }).ToListAsync(ct);
        var names = await regions.NamesAsync(ct);
        return rows.OrderBy(r => r.Program).ThenBy(r => r.Township).ThenBy(r => r.Month).Select(r =>
        {
            var code = r.Township.PadRight(RegionCode.Length, '0');
            return new LedgerRow(r.Program, AssistancePrograms.PayableByCode(r.Program)?.Name ?? r.Program, code, names.GetValueOrDefault(code, code),
                r.Month.ToString("yyyy-MM", null), r.Due, r.Paid, r.Failed, r.Pending, r.Recovered);
        }).ToList();
    }

    private static PayrollDto Dto(Payroll p, IReadOnlyDictionary<string, string> names) => new(p.Id, p.Program,
        AssistancePrograms.PayableByCode(p.Program)?.Name ?? p.Program, InputValues.Code(p.Kind), p.RegionPrefix, names.GetValueOrDefault(p.RegionCode, p.RegionCode),
        p.PeriodText, InputValues.Code(p.Status), PayrollService.Status(p.Status), p.Households, p.Persons, p.LineCount, p.TotalAmount, p.CreatedBy,
        p.CreatedAt, p.DecidedBy, p.DecidedAt, p.RejectReason, p.SourcePayrollId);
}
