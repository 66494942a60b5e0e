using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

public sealed record CreatePayrollRequest(string? Program, string? RegionCode, string? Period);

public sealed record PayrollResult(Payroll? Payroll, bool Created, int Status, string? Message, FieldErrors? Errors = null);

/// <summary>
/// Creating payrolls exactly once: the idempotency key, the overlap rule and the unique (enrolment, month) index each
/// stop a second payment; generation, totals and the audit entry commit together or not at all.
/// </summary>
public sealed class PayrollService(MinzhengDbContext db, PayrollGenerator generator, IRegionScope scope, AuditLog audit, IConfiguration configuration,
    TimeProvider clock, PayrollChangeCheck changes)
{
    public const string AuditCreated = "payroll.created";

    private static readonly ApprovalSubject Subject = new("发放名册", "名册", "名册的制作人", "审核人", "审核");

    /// <summary>A seam for tests to fail a generation after its lines are written, proving nothing partial is left.</summary>
    public Func<CancellationToken, Task>? BeforeCommit { get; set; }

    public bool PaidQuarterly(AssistanceProgram program) =>
        configuration[$"Payments:Frequency:{program.Code}"] is { } f ? f.Equals("quarterly", StringComparison.OrdinalIgnoreCase) : program.PaidQuarterly;

    public async Task<PayrollResult> CreateAsync(CreatePayrollRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > Payroll.KeyMaxLength)
        {
            return new(null, false, 400, $"请求头 Idempotency-Key 必填（1到{Payroll.KeyMaxLength}个字符），重试时使用同一个值，避免重复生成名册");
        }

        var errors = new FieldErrors();
        var program = AssistancePrograms.PayableByCode(request.Program);
        if (program is null)
        {
            errors.Add("program", $"保障项目应为 {string.Join("、", AssistancePrograms.Payable.Select(p => p.Code))} 之一");
        }

        var prefix = RegionCode.ToScopePrefix(request.RegionCode);
        if (prefix is null || !prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "发放区划应为您管辖范围内的区划代码或其前缀");
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == prefix.PadRight(RegionCode.Length, '0'), ct))
        {
            errors.Add("regionCode", $"区划 {request.RegionCode} 不存在，请先在区划管理中维护");
        }

        var (start, months) = program is null ? (default, 0) : ParsePeriod(request.Period, PaidQuarterly(program), errors);
        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        if (months > 0 && start > new DateOnly(today.Year, today.Month, 1).AddMonths(1))
        {
            errors.Add("period", "只能生成本月或下月（及之前）的发放名册");
        }
        if (errors.Any)
        {
            return new(null, false, 400, null, errors);
        }

        var hash = Hash($"{program!.Code}|{prefix}|{start:yyyy-MM}|{months}");
        // A provincial payroll (a million lines) is one statement that may run past the default 30 s command timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SerializeAsync(program.Code, ct);
        var existing = await db.Payrolls.AcrossRegions("an idempotency key is unique across the installation").AsNoTracking()
            .SingleOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, ct);
        if (existing is not null)
        {
            return existing.RequestHash == hash && existing.RegionCode.StartsWith(scope.Prefix, StringComparison.Ordinal)
                ? new(existing, false, 200, null)
                : new(null, false, 422, "该 Idempotency-Key 已用于另一份发放名册请求；新的请求请使用新的 Idempotency-Key");
        }

        if (await OverlappingAsync(program.Code, prefix!, start, months, ct) is { } other)
        {
            return new(null, false, 409,
                $"{other.PeriodText} 已有覆盖区划 {other.RegionPrefix} 的{program.Name}发放名册（{Status(other.Status)}），与本次区划重叠，不能重复发放");
        }

        var payroll = new Payroll
        {
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            RegionPrefix = prefix,
            Program = program.Code,
            PeriodStart = start,
            Months = months,
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
        };
        db.Payrolls.Add(payroll);
        await db.SaveChangesAsync(ct);
        try
        {
            if (AssistancePrograms.PaidOnce(program.Code))
            {
                await generator.InsertOneOffLinesAsync(payroll, ct);
            }
            else
            {
                await generator.InsertRegularLinesAsync(payroll, ct);
            }
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another server paid one of these months in the meantime: the unique (enrolment, month) index refused it.
            return new(null, false, 409, "部分在保对象本期已在其他发放名册中，不能重复发放");
        }

        var adjustments = AssistancePrograms.PaidOnce(program.Code) ? 0 : await generator.InsertAdjustmentsAsync(payroll, program.Name, ct);
        await RefreshTotalsAsync(payroll, ct);
        audit.Add(AuditCreated, entityType: nameof(Payroll), entityId: payroll.Id.ToString(), regionCode: payroll.RegionCode,
            details: new { payroll.Program, Period = payroll.PeriodText, payroll.RegionPrefix, payroll.LineCount, adjustments, payroll.Households, payroll.Persons, payroll.TotalAmount });
        await db.SaveChangesAsync(ct);
        if (BeforeCommit is { } hook)
        {
            await hook(ct);
        }

        await tx.CommitAsync(ct);
        return new(payroll, true, 201, null);
    }

    /// <summary>
    /// Lines and the total of every line; households and persons paid (enrolments with a line other than a recovery) —
    /// one pass over the payroll's lines, grouped by enrolment, then added up.
    /// </summary>
    public async Task RefreshTotalsAsync(Payroll payroll, CancellationToken ct)
    {
        var totals = await db.PayrollLines.AcrossRegions("totals of one payroll, whose lines may lie in regions below the caller's view").Where(l => l.PayrollId == payroll.Id)
            .GroupBy(l => new { l.EnrollmentId, l.HouseholdId })
            .Select(g => new
            {
                g.Key.HouseholdId,
                Lines = g.Count(),
                Amount = g.Sum(l => l.Amount),
                Paying = g.Max(l => l.Kind == LineKind.Recovery ? 0 : 1),
                Covered = g.Max(l => l.CoveredPersons),
            })
            .GroupBy(x => 1)
            .Select(g => new
            {
                Lines = g.Sum(x => x.Lines),
                Amount = g.Sum(x => x.Amount),
                Households = g.Where(x => x.Paying == 1).Select(x => x.HouseholdId).Distinct().Count(),
                Persons = g.Where(x => x.Paying == 1).Sum(x => x.Covered),
            })
            .SingleOrDefaultAsync(ct);
        (payroll.LineCount, payroll.TotalAmount, payroll.Households, payroll.Persons) =
            totals is null ? (0, 0m, 0, 0) : (totals.Lines, totals.Amount, totals.Households, totals.Persons);
    }

    /// <summary>
    /// Maker-checker: a different user approves; an approved payroll never changes. A payroll that moved beyond the
    /// warning share since the last one is approved only with <paramref name="confirmedTotal"/> equal to its total.
    /// </summary>
    /// <param name="confirmationRequired">
    /// The page always asks the reviewer to confirm the total they checked (the money goes to the bank files next);
    /// the API asks only when the payroll changed unusually from the last one.
    /// </param>
    public async Task<(Outcome Outcome, string? Message)> ApproveAsync(Guid id, string user, decimal? confirmedTotal, CancellationToken ct,
        bool confirmationRequired = false)
    {
        var payroll = await db.Payrolls.SingleOrDefaultAsync(p => p.Id == id, ct);
        var decidedAs = payroll is { Status: not PayrollStatus.Pending } ? Status(payroll.Status) : null;
        if (Subject.Refusal(payroll is not null, decidedAs, payroll?.CreatedBy, user) is { } refused)
        {
            return refused;
        }

        if (confirmationRequired && confirmedTotal != payroll!.TotalAmount)
        {
            return (Outcome.Rejected, confirmedTotal is null
                ? $"请先核对并勾选本期合计（{payroll.TotalAmount:N2} 元）再审核通过"
                : $"名册合计已变为 {payroll.TotalAmount:N2} 元（您确认的是 {confirmedTotal:N2} 元），请重新核对后再审核通过");
        }

        if (confirmedTotal != payroll!.TotalAmount && await changes.CheckAsync(payroll, ct) is { } change)
        {
            return (Outcome.Rejected, change.Warning + (confirmedTotal is null ? "" : $"（确认的金额 {confirmedTotal} 元与本期合计不符）"));
        }

        (payroll.Status, payroll.DecidedBy, payroll.DecidedAt) = (PayrollStatus.Approved, user, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>Returns the payroll to its maker with a reason; its lines are released so a corrected payroll can be made.</summary>
    public async Task<(Outcome Outcome, string? Message)> RejectAsync(Guid id, string user, string? reason, CancellationToken ct)
    {
        var payroll = await db.Payrolls.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (payroll is null)
        {
            return (Outcome.NotFound, "发放名册不存在或不在您的管辖范围内");
        }

        var why = reason?.Trim();
        if (payroll.Status != PayrollStatus.Pending || string.IsNullOrEmpty(why) || why.Length > Payroll.ReasonMaxLength)
        {
            return (Outcome.Conflict, payroll.Status != PayrollStatus.Pending
                ? $"该名册{Status(payroll.Status)}，不能退回"
                : $"退回须填写原因（1到{Payroll.ReasonMaxLength}字）");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (payroll.Status, payroll.DecidedBy, payroll.DecidedAt, payroll.RejectReason) = (PayrollStatus.Rejected, user, clock.GetUtcNow(), why);
        await db.PayrollLines.Where(l => l.PayrollId == id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    public static string Status(PayrollStatus s) => s switch
    {
        PayrollStatus.Pending => "待审核",
        PayrollStatus.Approved => "已审核",
        _ => "已退回",
    };

    /// <summary>A month <c>YYYY-MM</c>; for quarterly programmes <c>YYYY-Qn</c> or the quarter's first month.</summary>
    public static (DateOnly Start, int Months) ParsePeriod(string? period, bool quarterly, FieldErrors errors)
    {
        var text = period?.Trim() ?? "";
        if (text.Length == 7 && text[4] == '-' && text[5] is 'Q' or 'q' && text[6] is >= '1' and <= '4' && int.TryParse(text[..4], out var year) && year is >= 2000 and <= 2100)
        {
            if (quarterly)
            {
                return (new DateOnly(year, ((text[6] - '1') * 3) + 1, 1), 3);
            }

            errors.Add("period", "该项目按月发放，发放期间应为 YYYY-MM");
            return default;
        }

        if (!InputValues.TryParseMonth(text, out var month) || month.Year is < 2000 or > 2100)
        {
            errors.Add("period", quarterly ? "发放期间应为 YYYY-Qn（如 2026-Q4）或季度首月 YYYY-MM" : "发放期间应为 YYYY-MM，如 2026-11");
            return default;
        }

        if (quarterly && (month.Month - 1) % 3 != 0)
        {
            errors.Add("period", $"该项目按季度发放，发放期间应为 {month.Year}-Q{((month.Month - 1) / 3) + 1} 或季度首月");
            return default;
        }

        return (month, quarterly ? 3 : 1);
    }

    private async Task<Payroll?> OverlappingAsync(string program, string prefix, DateOnly start, int months, CancellationToken ct)
    {
        var end = start.AddMonths(months);
        var candidates = await db.Payrolls.AcrossRegions("a payroll overlapping this one may belong to a parent region the caller cannot see").AsNoTracking()
            .Where(p => p.Program == program && p.Kind == PayrollKind.Regular && p.Status != PayrollStatus.Rejected
                && p.PeriodStart < end && p.PeriodStart >= start.AddMonths(-2))
            .ToListAsync(ct);
        return candidates.FirstOrDefault(p => p.PeriodStart.AddMonths(p.Months) > start
            && RegionCode.Overlap(p.RegionPrefix, prefix));
    }

    /// <summary>
    /// Payroll creation for one programme runs one at a time: PostgreSQL by a transaction-scoped advisory lock (per
    /// programme, not global), SQLite by its write lock, which Microsoft.Data.Sqlite takes at BEGIN (IMMEDIATE).
    /// </summary>
    private async Task SerializeAsync(string program, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("payroll:" + program)), 0);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);
        }
    }

    private static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
