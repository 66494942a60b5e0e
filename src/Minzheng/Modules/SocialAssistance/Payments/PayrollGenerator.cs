using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>
/// Fills a new payroll inside the caller's transaction: the regular lines with one <c>INSERT … SELECT</c> per month
/// (never a loop of SaveChanges), then arrears and recoveries for enrolments changed after an earlier month was paid.
/// </summary>
public sealed class PayrollGenerator(MinzhengDbContext db)
{
    /// <summary>How far back a change is still settled by back-pay or recovery (months before the period).</summary>
    public const int LookbackMonths = 12;

    public async Task InsertRegularLinesAsync(Payroll payroll, CancellationToken ct)
    {
        for (var month = payroll.PeriodStart; month <= payroll.PeriodEnd; month = month.AddMonths(1))
        {
            // The amount in force for the month: the amount before the earliest adjustment that takes effect later, else
            // the current amount. A month is due while started, not past the end month and not in a suspension. The
            // account holder stays null when it is the beneficiary (the bank file takes the name from the person).
            var sql = """
                INSERT INTO "PayrollLines" ("PayrollId", "EnrollmentId", "Month", "Kind", "RegionCode", "HouseholdId", "PersonId", "CoveredPersons",
                    "Amount", "Explanation", "BankName", "BankAccountCipher", "BankAccountMasked", "AccountHolder", "EnrollmentVersion", "Status")
                SELECT {0}, e."Id", {1}, 'Regular', e."RegionCode", e."HouseholdId", e."PersonId", e."CoveredPersons",
                    COALESCE((SELECT ev."OldAmount" FROM "EnrollmentEvents" ev
                              WHERE ev."EnrollmentId" = e."Id" AND ev."Kind" = 'Adjusted' AND ev."EffectiveMonth" > {1}
                              ORDER BY ev."EffectiveMonth", ev."At" LIMIT 1), e."MonthlyAmount"),
                    NULL, h."BankName", h."BankAccountCipher", h."BankAccountMasked", h."BankAccountHolder", e."UpdatedAt", 'Pending'
                FROM "Enrollments" e
                JOIN "Households" h ON h."Id" = e."HouseholdId"
                WHERE e."Program" = {2} AND e."RegionCode" LIKE {3} AND e."StartMonth" <= {1} AND (e."EndMonth" IS NULL OR e."EndMonth" >= {1})
                    AND (e."Status" <> 'Suspended' OR e."SuspendedFrom" > {1})
                    AND (e."PaidThroughMonth" IS NULL OR e."PaidThroughMonth" < {1})
                """;
            await db.Database.ExecuteSqlRawAsync(sql, [db.Database.Key(payroll.Id), month, payroll.Program, payroll.RegionPrefix + "%"], ct);
        }
    }

    /// <summary>
    /// One-off payments (临时救助, 医疗救助, batch subsidies) decided in the period or in the year before it and not yet in
    /// a payroll, each as a regular line of its decision month: a payroll made before a decision leaves it to the next one,
    /// and the unique (entitlement, month) index refuses a second line for it. A 先行救助 paid in full leaves nothing to pay.
    /// </summary>
    public async Task InsertOneOffLinesAsync(Payroll payroll, CancellationToken ct)
    {
        var sql = """
            INSERT INTO "PayrollLines" ("PayrollId", "EnrollmentId", "Month", "Kind", "RegionCode", "HouseholdId", "PersonId", "CoveredPersons",
                "Amount", "Explanation", "BankName", "BankAccountCipher", "BankAccountMasked", "AccountHolder", "EnrollmentVersion", "Status")
            SELECT {0}, o."Id", o."Month", 'Regular', o."RegionCode", o."HouseholdId", o."PersonId", o."CoveredPersons",
                o."Amount", o."Explanation", h."BankName", h."BankAccountCipher", h."BankAccountMasked", h."BankAccountHolder", o."UpdatedAt", 'Pending'
            FROM "OneOffPayments" o
            JOIN "Households" h ON h."Id" = o."HouseholdId"
            WHERE o."Program" = {1} AND o."RegionCode" LIKE {2} AND o."Month" <= {3} AND o."Month" >= {4} AND o."Amount" > 0
                AND NOT EXISTS (SELECT 1 FROM "PayrollLines" l WHERE l."EnrollmentId" = o."Id" AND l."Kind" = 'Regular')
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [db.Database.Key(payroll.Id), payroll.Program, payroll.RegionPrefix + "%", payroll.PeriodEnd,
            payroll.PeriodStart.AddMonths(-LookbackMonths)], ct);
    }

    /// <summary>
    /// 补发 and 追回 for the months before the period: for each enrolment changed since one of its months was paid, or
    /// approved after a payroll of a month it is due for was made, due − paid per month becomes an explained line.
    /// </summary>
    public async Task<int> InsertAdjustmentsAsync(Payroll payroll, string programName, CancellationToken ct)
    {
        var from = payroll.PeriodStart.AddMonths(-LookbackMonths);
        var scoped = db.Enrollments.AcrossRegions("the payroll's own region prefix selects the rows; the filter would also hide them from system jobs")
            .Where(e => e.Program == payroll.Program && e.RegionCode.StartsWith(payroll.RegionPrefix));
        var counted = db.PayrollLines.AcrossRegions("months already paid count whichever region's payroll paid them")
            .Where(l => l.Status != PaymentStatus.Reissued && l.Month >= from && l.Month < payroll.PeriodStart);
        var changed = await counted.Join(scoped, l => l.EnrollmentId, e => e.Id, (l, e) => new { l, e })
            .Where(x => x.e.UpdatedAt > x.l.EnrollmentVersion).Select(x => x.e.Id).Distinct().ToListAsync(ct);

        // Payrolls of earlier months that covered this region: an enrolment created after one of them missed that month.
        var earlier = await db.Payrolls.AcrossRegions("earlier payrolls of a parent or child region decide which months were missed")
            .Where(p => p.Program == payroll.Program && p.Kind == PayrollKind.Regular && p.Status != PayrollStatus.Rejected
                && p.PeriodStart >= from.AddMonths(-2) && p.PeriodStart < payroll.PeriodStart)
            .Select(p => new { p.RegionPrefix, p.PeriodStart, p.Months, p.CreatedAt }).ToListAsync(ct);
        earlier = earlier.Where(p => RegionCode.Overlap(p.RegionPrefix, payroll.RegionPrefix)).ToList();
        var late = new List<Guid>();
        if (earlier.Count > 0)
        {
            var oldest = earlier.Min(p => p.CreatedAt);
            late = await scoped.Where(e => e.CreatedAt > oldest && e.StartMonth < payroll.PeriodStart).Select(e => e.Id).ToListAsync(ct);
        }

        var candidates = changed.Union(late).ToList();
        var written = 0;
        // Large chunks, four queries each. For thousands of ids the paid-lines query is a scan of every line in the
        // look-back window whatever the chunk's size (an index probe per id costs more), so a county-wide raise with
        // back-pay reads the window twice with 50,000-id chunks where 5,000-id chunks read it twenty times.
        foreach (var chunk in candidates.Chunk(50_000))
        {
            // Read-only and only the columns the amounts, explanations and bank details need: the calculation snapshot of an
            // enrolment (kilobytes each), the household's address and the events' audit columns were most of what a
            // county-wide raise read here, and tracking 100,000 entities would cost more than reading them.
            var enrollments = await scoped.Where(e => chunk.Contains(e.Id)).Select(e => new Enrollment
            {
                Id = e.Id,
                RegionCode = e.RegionCode,
                HouseholdId = e.HouseholdId,
                PersonId = e.PersonId,
                CoveredPersons = e.CoveredPersons,
                MonthlyAmount = e.MonthlyAmount,
                StartMonth = e.StartMonth,
                EndMonth = e.EndMonth,
                PaidThroughMonth = e.PaidThroughMonth,
                Status = e.Status,
                StatusReason = e.StatusReason,
                SuspendedFrom = e.SuspendedFrom,
                CreatedAt = e.CreatedAt,
                UpdatedAt = e.UpdatedAt,
            }).ToListAsync(ct);
            var adjustments = (await db.EnrollmentEvents.AcrossRegions("adjustments of enrolments already chosen by the payroll's region prefix")
                    .Where(ev => chunk.Contains(ev.EnrollmentId) && ev.Kind == EnrollmentEventKind.Adjusted)
                    .Select(ev => new EnrollmentEvent { EnrollmentId = ev.EnrollmentId, EffectiveMonth = ev.EffectiveMonth, At = ev.At, OldAmount = ev.OldAmount, Note = ev.Note })
                    .ToListAsync(ct))
                .ToLookup(ev => ev.EnrollmentId);
            // What each month already paid, added up while read (a GROUP BY in the database cost more than the reading):
            // one dictionary for the chunk, none per enrolment.
            var paid = new Dictionary<(Guid, DateOnly), decimal>();
            await foreach (var l in counted.Where(l => chunk.Contains(l.EnrollmentId)).Select(l => new { l.EnrollmentId, l.Month, l.Amount }).AsAsyncEnumerable().WithCancellation(ct))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(paid, (l.EnrollmentId, l.Month), out _) += l.Amount;
            }

            var householdIds = enrollments.Select(e => e.HouseholdId).Distinct().ToList();
            var households = await db.Households.AcrossRegions("households of enrolments already chosen by the payroll's region prefix")
                .Where(h => householdIds.Contains(h.Id))
                .Select(h => new Platform.People.Household { Id = h.Id, BankName = h.BankName, BankAccountCipher = h.BankAccountCipher, BankAccountMasked = h.BankAccountMasked, BankAccountHolder = h.BankAccountHolder })
                .ToDictionaryAsync(h => h.Id, ct);
            // Each chunk's lines are made while they are copied: the database stores and indexes rows as the next are
            // computed, and no list of every back-pay line of a county-wide raise is held in memory.
            await BulkInsert.InsertAsync(db, enrollments.SelectMany(LinesOf), ct);

            IEnumerable<PayrollLine> LinesOf(Enrollment e)
            {
                var changes = adjustments[e.Id];
                for (var month = from; month < payroll.PeriodStart; month = month.AddMonths(1))
                {
                    if (e.PaidThroughMonth is { } paidElsewhere && month <= paidElsewhere)
                    {
                        continue; // paid by the old system before the migration: never again here
                    }

                    if (!paid.TryGetValue((e.Id, month), out var alreadyPaid) && !earlier.Any(p => p.CreatedAt < e.CreatedAt
                            && p.PeriodStart <= month && month < p.PeriodStart.AddMonths(p.Months) && e.RegionCode.StartsWith(p.RegionPrefix, StringComparison.Ordinal)))
                    {
                        continue; // never paid, and not missed by a payroll: e.g. a suspension that was lifted
                    }

                    var due = e.DueFor(month) ? AmountFor(e, changes, month) : 0m;
                    if (due != alreadyPaid)
                    {
                        written++;
                        yield return new PayrollLine
                        {
                            PayrollId = payroll.Id,
                            EnrollmentId = e.Id,
                            Month = month,
                            Kind = due > alreadyPaid ? LineKind.Arrears : LineKind.Recovery,
                            RegionCode = e.RegionCode,
                            HouseholdId = e.HouseholdId,
                            PersonId = e.PersonId,
                            CoveredPersons = e.CoveredPersons,
                            Amount = due - alreadyPaid,
                            Explanation = Explain(e, changes, month, due, alreadyPaid, programName),
                            EnrollmentVersion = e.UpdatedAt,
                        }.PaidTo(households[e.HouseholdId]);
                    }
                }
            }
        }

        return written;
    }

    /// <summary>The explanation of a regular line (stored as null: it is the same for every enrolment of the month).</summary>
    public static string RegularExplanation(DateOnly month) => $"{month.Year}年{month.Month}月：按核定的月保障金额发放";

    /// <summary>The amount in force for a month: the amount before the earliest adjustment effective after it, else the current one.</summary>
    public static decimal AmountFor(Enrollment e, IEnumerable<EnrollmentEvent> adjustments, DateOnly month) =>
        Nearest(adjustments, a => a.EffectiveMonth > month, later: false)?.OldAmount ?? e.MonthlyAmount;

    /// <summary>
    /// The earliest (or, with <paramref name="later"/>, the latest) adjustment by effective month, then time, that matches:
    /// one pass without sorting, as it runs for every month of every enrolment a raise reaches back to.
    /// </summary>
    private static EnrollmentEvent? Nearest(IEnumerable<EnrollmentEvent> adjustments, Func<EnrollmentEvent, bool> match, bool later)
    {
        EnrollmentEvent? best = null;
        foreach (var a in adjustments)
        {
            if (match(a) && (best is null || (later
                    ? (a.EffectiveMonth, a.At).CompareTo((best.EffectiveMonth, best.At)) >= 0
                    : (a.EffectiveMonth, a.At).CompareTo((best.EffectiveMonth, best.At)) < 0)))
            {
                best = a;
            }
        }

        return best;
    }

    private static string Explain(Enrollment e, IEnumerable<EnrollmentEvent> adjustments, DateOnly month, decimal due, decimal paid, string programName)
    {
        var m = $"{month.Year}年{month.Month}月{programName}";
        var why = !e.DueFor(month)
            ? e.Status == EnrollmentStatus.Terminated
                ? $"自{e.EndMonth!.Value.AddMonths(1):yyyy-MM}起停保（{TerminationReasons.Name(e.StatusReason)}）"
                : "该月已暂停发放"
            : paid == 0 ? "批准晚于该月发放名册" : Adjustment(adjustments, month);
        var verb = due > paid ? "补发" : "追回";
        var text = $"{verb}{m}：应发 {Money(due)} 元，已发 {Money(paid)} 元，{why}";
        return text.Length <= PayrollLine.ExplanationMaxLength ? text : text[..(PayrollLine.ExplanationMaxLength - 1)] + "…";
    }

    /// <summary>Why the amount of a paid month changed: a raise quotes its recalculation (the standard and its month).</summary>
    private static string Adjustment(IEnumerable<EnrollmentEvent> adjustments, DateOnly month)
    {
        var latest = Nearest(adjustments, a => a.EffectiveMonth <= month, later: true);
        if (latest?.Note is { } note && note.StartsWith(Recalculations.RecalculationService.NotePrefix, StringComparison.Ordinal))
        {
            var headline = note[(Recalculations.RecalculationService.NotePrefix.Length + 1)..];
            return $"提标追溯至该月（{headline[..(headline.IndexOf('。', StringComparison.Ordinal) is var end and >= 0 ? end : headline.Length)]}）";
        }

        return "月保障金额调整追溯至该月";
    }

    private static string Money(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
