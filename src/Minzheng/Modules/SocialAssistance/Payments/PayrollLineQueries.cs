using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>
/// A payroll's lines (masked) page by page with their total, sorted by column, filtered by kind and status; and the payees
/// the bank file leaves out. Lines are read through the region filter: a township sees its own people's lines.
/// </summary>
public sealed class PayrollLineQueries(MinzhengDbContext db, RegionService regions)
{
    /// <summary>Payees listed on the payroll page; the rest are in the export.</summary>
    public const int UnpaidShown = 500;

    /// <summary>By region and name, an enrolment's months together; (enrolment, month, kind) is the key, so pages never overlap.</summary>
    private static readonly SortMap<LineRow> Sort = new SortMap<LineRow>("region", q => q.ThenBy(r => r.Name).ThenBy(r => r.A.Line.EnrollmentId).ThenBy(r => r.A.Line.Month).ThenBy(r => r.A.Line.Kind))
        .Add("region", r => r.A.Line.RegionCode).Add("name", r => r.Name).Add("month", r => r.A.Line.Month).Add("kind", r => r.A.Line.Kind).Add("amount", r => r.A.Line.Amount)
        // Pending, paid, failed, re-issued: the order of PaymentStatus, from the flags AnsweredLine.Status reads.
        .Add("status", r => r.A.Line.Status == PaymentStatus.Reissued ? 3 : r.A.Paid ? 1 : r.A.Failed ? 2 : 0)
        .Add("persons", r => r.A.Line.CoveredPersons);

    /// <param name="kind">regular, arrears, recovery, correction or reissue; anything else lists every kind.</param>
    /// <param name="status">pending, paid, failed or reissued; anything else lists every status.</param>
    public async Task<Paged<PayrollLineDto>> PageAsync(Guid id, string? kind, string? status, PageRequest page, CancellationToken ct)
    {
        var rows = await Filtered(id, kind, status).PageAsync(page, Sort, ct);
        var names = await regions.NamesOfAsync(rows.Items.Select(x => x.A.Line.RegionCode), ct);
        return rows.Map(x => Dto(x, names));
    }

    /// <summary>
    /// Every line the filter shows, in the order asked for (up to <see cref="PageRequest.Size"/>), streamed from the
    /// database: an export of a provincial payroll never holds its lines in memory.
    /// </summary>
    public async IAsyncEnumerable<PayrollLineDto> StreamAsync(Guid id, string? kind, string? status, PageRequest page,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // The names of the payroll's regions (its villages) first: the stream holds the connection while lines are read.
        var names = await regions.NamesOfAsync(await Filtered(id, kind, status).Select(x => x.A.Line.RegionCode).Distinct().ToListAsync(ct), ct);
        await foreach (var x in Sort.Apply(Filtered(id, kind, status), page).Take(page.Size).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Dto(x, names);
        }
    }

    /// <summary>Lines from an offset in the default order: the API's <c>skip</c>/<c>take</c>, kept for its callers.</summary>
    public async Task<(int Total, List<PayrollLineDto> Lines)> SliceAsync(Guid id, string? kind, string? status, int skip, int take, CancellationToken ct)
    {
        var query = Filtered(id, kind, status);
        var total = await query.CountAsync(ct);
        var rows = await Sort.Apply(query, new PageRequest(1, 1, null, false)).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return (total, await DtosAsync(rows, ct));
    }

    private IQueryable<LineRow> Filtered(Guid id, string? kind, string? status)
    {
        var q = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id);
        if (Enum.TryParse<LineKind>(kind, true, out var k))
        {
            q = q.Where(l => l.Kind == k);
        }

        var answered = q.WithAnswers(db);
        if (Enum.TryParse<PaymentStatus>(status, true, out var s))
        {
            answered = answered.Where(AnsweredLine.Is(s));
        }

        return answered.Join(db.Persons, x => x.Line.PersonId, p => p.Id, (x, p) => new LineRow { A = x, Name = p.Name, IdNumberMasked = p.IdNumberMasked });
    }

    private async Task<List<PayrollLineDto>> DtosAsync(List<LineRow> rows, CancellationToken ct)
    {
        var names = await regions.NamesOfAsync(rows.Select(x => x.A.Line.RegionCode), ct);
        return rows.Select(x => Dto(x, names)).ToList();
    }

    private static PayrollLineDto Dto(LineRow x, IReadOnlyDictionary<string, string> names)
    {
        var l = x.A.Line;
        return new(l.EnrollmentId, l.HouseholdId, l.Month.ToString("yyyy-MM", null), InputValues.Code(l.Kind), l.RegionCode,
            names.GetValueOrDefault(l.RegionCode, l.RegionCode), x.Name, x.IdNumberMasked, l.CoveredPersons, l.Amount,
            l.Explanation ?? PayrollGenerator.RegularExplanation(l.Month), l.BankName, l.BankAccountMasked, l.AccountHolder ?? x.Name,
            InputValues.Code(x.A.Status), x.A.FailureReason);
    }

    /// <summary>Payees left out of the bank file: net recoveries (追回清单, to collect) and payees without an account; the first <paramref name="take"/> and the count.</summary>
    public async Task<(int Total, List<Unpaid> Payees)> UnpaidAsync(Guid id, int take, CancellationToken ct)
    {
        var groups = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id && l.Status != PaymentStatus.Reissued)
            .GroupBy(l => new { l.EnrollmentId, l.HouseholdId, l.PersonId, l.RegionCode, HasAccount = l.BankAccountCipher != null })
            .Select(g => new { g.Key.EnrollmentId, g.Key.HouseholdId, g.Key.PersonId, g.Key.RegionCode, g.Key.HasAccount, Amount = g.Sum(l => l.Amount) })
            .Where(x => x.Amount < 0 || (x.Amount > 0 && !x.HasAccount));
        var total = await groups.CountAsync(ct);
        var rows = await groups.Join(db.Persons, x => x.PersonId, p => p.Id, (x, p) => new { x, p.Name, p.IdNumberMasked })
            .OrderBy(r => r.x.RegionCode).ThenBy(r => r.Name).ThenBy(r => r.x.EnrollmentId).Take(Math.Max(take, 1)).ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(r => r.x.RegionCode), ct);
        return (total, rows.Select(r => new Unpaid(r.x.EnrollmentId, r.x.HouseholdId, r.x.RegionCode, names.GetValueOrDefault(r.x.RegionCode, r.x.RegionCode), r.Name,
            r.IdNumberMasked, r.x.Amount, r.x.Amount < 0 ? "多发款项，无后续发放可抵扣，需追回" : "缺少银行账号，请在家庭页补录后补发")).ToList());
    }

    /// <summary>A class, not a record, so EF can sort and page on the projection's members.</summary>
    private sealed class LineRow
    {
        public AnsweredLine A { get; init; } = null!;
        public string Name { get; init; } = "";
        public string IdNumberMasked { get; init; } = "";
    }
}
