using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

public sealed record CorrectionRequest(Guid? EnrollmentId, string? Month, decimal? Amount, string? Reason);

/// <summary>A manual one-off correction (positive or negative) on a payroll still waiting for approval, with its reason.</summary>
public sealed class PayrollCorrections(MinzhengDbContext db, PayrollService payrolls)
{
    public async Task<(Outcome Outcome, string? Message)> AddAsync(Guid id, CorrectionRequest request, CancellationToken ct)
    {
        var payroll = await db.Payrolls.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (payroll is null)
        {
            return (Outcome.NotFound, "发放名册不存在或不在您的管辖范围内");
        }

        var enrollment = request.EnrollmentId is { } eid ? await db.Enrollments.SingleOrDefaultAsync(e => e.Id == eid, ct) : null;
        var reason = request.Reason?.Trim() ?? "";
        var problem = (payroll, enrollment) switch
        {
            ({ Status: not PayrollStatus.Pending }, _) => "只有待审核的名册可以更正；已审核的名册不能再修改",
            (_, null) => "请指定本名册区划和项目内的在保对象（enrollmentId）",
            _ when enrollment.Program != payroll.Program || !enrollment.RegionCode.StartsWith(payroll.RegionPrefix, StringComparison.Ordinal) =>
                "该在保对象不属于本名册的项目或区划",
            _ when !InputValues.TryParseMonth(request.Month, out var m) || m > payroll.PeriodEnd => "更正月份应为 YYYY-MM，且不晚于本名册期间",
            _ when request.Amount is not { } a || a == 0 || !InputValues.IsMoney(Math.Abs(a)) => "更正金额应为不为0、最多两位小数的金额（追回填负数）",
            _ when reason.Length is 0 or > 200 => "更正须填写原因（200字以内）",
            _ => null,
        };
        if (problem is not null)
        {
            return (Outcome.Conflict, problem);
        }

        InputValues.TryParseMonth(request.Month, out var month);
        var household = await db.Households.SingleAsync(h => h.Id == enrollment!.HouseholdId, ct);
        var line = await db.PayrollLines.SingleOrDefaultAsync(l => l.PayrollId == id && l.EnrollmentId == enrollment!.Id && l.Month == month && l.Kind == LineKind.Correction, ct);
        if (line is null)
        {
            line = new PayrollLine
            {
                PayrollId = id,
                EnrollmentId = enrollment!.Id,
                Month = month,
                Kind = LineKind.Correction,
                RegionCode = enrollment.RegionCode,
                HouseholdId = enrollment.HouseholdId,
                PersonId = enrollment.PersonId,
                CoveredPersons = enrollment.CoveredPersons,
                EnrollmentVersion = enrollment.UpdatedAt,
            }.PaidTo(household);
            db.PayrollLines.Add(line);
        }

        (line.Amount, line.Explanation) = (request.Amount!.Value, $"人工更正 {month:yyyy-MM}：{reason}");
        await db.SaveChangesAsync(ct);
        await payrolls.RefreshTotalsAsync(payroll, ct);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }
}
