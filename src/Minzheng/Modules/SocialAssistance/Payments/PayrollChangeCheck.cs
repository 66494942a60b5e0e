using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>How a payroll compares with the one before it, and the warning to give when it moved too far.</summary>
public sealed record PayrollChange(string? PreviousPeriod, decimal PreviousTotal, decimal Total, decimal PreviousArrears, decimal Arrears,
    decimal ThresholdPercent, string Warning);

/// <summary>
/// A payroll that jumps — a migrated roster paying months the old system already paid, a raise applied twice — looks
/// like every other payroll to the approver. This compares its total and its back-pay with the previous payroll of the
/// same programme and region (or, for the first one, the back-pay with the regular lines) and, beyond a configurable
/// share (<c>Payments:ChangeWarningShare</c>, default 0.2), makes the approver confirm the exact total.
/// </summary>
public sealed class PayrollChangeCheck(MinzhengDbContext db, IConfiguration configuration)
{
    public const decimal DefaultShare = 0.2m;

    public decimal Share => configuration.GetValue<decimal?>("Payments:ChangeWarningShare") is { } s && s >= 0 ? s : DefaultShare;

    public async Task<PayrollChange?> CheckAsync(Payroll payroll, CancellationToken ct)
    {
        if (payroll.Kind != PayrollKind.Regular)
        {
            return null; // a supplementary payroll re-issues failed lines already checked once
        }

        var previous = await db.Payrolls.AcrossRegions("the previous payroll of the same region prefix, which may be a parent the caller cannot see")
            .AsNoTracking()
            .Where(p => p.Program == payroll.Program && p.RegionPrefix == payroll.RegionPrefix && p.Kind == PayrollKind.Regular
                && p.Status != PayrollStatus.Rejected && p.PeriodStart < payroll.PeriodStart)
            .OrderByDescending(p => p.PeriodStart).FirstOrDefaultAsync(ct);
        var arrears = await ArrearsAsync(payroll.Id, ct);
        var share = Share;
        if (previous is null)
        {
            // The first payroll: back-pay beyond the share of the regular lines is what a migration paying old months looks like.
            var regular = payroll.TotalAmount - arrears;
            return arrears > 0 && arrears > regular * share
                ? Change(null, 0, payroll.TotalAmount, 0, arrears, share,
                    $"本名册补发 {Money(arrears)} 元，超过正常发放 {Money(regular)} 元的 {Percent(share)}")
                : null;
        }

        var previousArrears = await ArrearsAsync(previous.Id, ct);
        var reasons = new List<string>();
        if (Moved(previous.TotalAmount, payroll.TotalAmount, share))
        {
            reasons.Add($"合计 {Money(payroll.TotalAmount)} 元，上一期（{previous.PeriodText}）{Money(previous.TotalAmount)} 元，{Delta(previous.TotalAmount, payroll.TotalAmount)}");
        }

        // Back-pay is checked against the larger of the two regular totals so that a few yuan of arrears after none never warns.
        if (Math.Abs(arrears - previousArrears) > Math.Max(previous.TotalAmount, payroll.TotalAmount - arrears) * share)
        {
            reasons.Add($"补发 {Money(arrears)} 元，上一期 {Money(previousArrears)} 元");
        }

        return reasons.Count == 0
            ? null
            : Change(previous.PeriodText, previous.TotalAmount, payroll.TotalAmount, previousArrears, arrears, share, string.Join("；", reasons));
    }

    private static PayrollChange Change(string? previousPeriod, decimal previousTotal, decimal total, decimal previousArrears, decimal arrears,
        decimal share, string reasons) => new(previousPeriod, previousTotal, total, previousArrears, arrears, decimal.Round(share * 100, 2),
        $"金额变动超过 {Percent(share)}：{reasons}。请逐项核实明细（特别是补发）后再审核，审核时须确认本期合计 {Money(total)} 元。");

    private async Task<decimal> ArrearsAsync(Guid payrollId, CancellationToken ct) =>
        await db.PayrollLines.AcrossRegions("the totals of a whole payroll, whose lines may lie outside the caller's subtree")
            .Where(l => l.PayrollId == payrollId && l.Kind == LineKind.Arrears).SumAsync(l => l.Amount, ct);

    private static bool Moved(decimal before, decimal now, decimal share) => before == 0 ? now != 0 : Math.Abs(now - before) > before * share;

    private static string Delta(decimal before, decimal now) => before == 0
        ? "上一期为 0"
        : $"{(now >= before ? "增加" : "减少")} {Percent(Math.Abs(now - before) / before)}";

    private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Money(decimal v) => v.ToString("N2", CultureInfo.InvariantCulture);
}
