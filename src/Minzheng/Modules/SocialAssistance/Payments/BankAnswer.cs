using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>
/// 银行回盘: the bank's answer for one transfer of a payroll's bank file — all the enrolment's lines in that payroll —
/// paid, or failed with the bank's reason. Answers are rows of their own rather than a status written into every line:
/// the answer for a million transfers is then one bulk copy, not a million row updates (docs/performance.md, 银行回盘).
/// A later answer for the same transfer (the bank's correction) replaces the earlier one. The region is the lines', so
/// an answer is seen exactly by those who see its lines; it is read only beside them (no index of its region: at 1M
/// answers that index cost more than the rest of the copy).
/// </summary>
[ReadThroughParent(nameof(PayrollLine))]
public sealed class BankAnswer : IRegionScoped
{
    public const int ReasonMaxLength = 200;

    public Guid PayrollId { get; set; }
    public Guid EnrollmentId { get; set; }
    public string RegionCode { get; set; } = "";

    /// <summary>Null when the bank paid; its reason when it did not (e.g. 账户已销户).</summary>
    public string? FailureReason { get; set; }
}

/// <summary>
/// A payroll line with the bank's answer for its transfer, if any. The rule that derives the line's payment status —
/// re-issued wins, then no answer is pending, an answer without a reason paid, with one failed — is written once, in
/// <see cref="BankAnswers.WithAnswers"/>, as the <see cref="Paid"/> and <see cref="Failed"/> flags every filter,
/// aggregate and sort then reads (the database evaluates them as part of the projection).
/// </summary>
public sealed class AnsweredLine
{
    public PayrollLine Line { get; init; } = null!;
    public string? FailureReason { get; init; }
    public bool Paid { get; init; }
    public bool Failed { get; init; }

    public PaymentStatus Status => Line.Status == PaymentStatus.Reissued ? PaymentStatus.Reissued
        : Paid ? PaymentStatus.Paid : Failed ? PaymentStatus.Failed : PaymentStatus.Pending;

    /// <summary>The same rule as <see cref="Status"/>, as a filter the database evaluates.</summary>
    public static Expression<Func<AnsweredLine, bool>> Is(PaymentStatus status) => status switch
    {
        PaymentStatus.Reissued => x => x.Line.Status == PaymentStatus.Reissued,
        PaymentStatus.Pending => x => x.Line.Status != PaymentStatus.Reissued && !x.Paid && !x.Failed,
        PaymentStatus.Paid => x => x.Paid,
        _ => x => x.Failed,
    };
}

public static class BankAnswers
{
    /// <summary>The lines, each with its transfer's answer (a left join on payroll and enrolment).</summary>
    public static IQueryable<AnsweredLine> WithAnswers(this IQueryable<PayrollLine> lines, MinzhengDbContext db) =>
        lines.LeftJoin(db.BankAnswers.AsNoTracking(), l => new { l.PayrollId, l.EnrollmentId }, a => new { a.PayrollId, a.EnrollmentId },
            (l, a) => new AnsweredLine
            {
                Line = l,
                FailureReason = a == null ? null : a.FailureReason,
                Paid = l.Status != PaymentStatus.Reissued && a != null && a.FailureReason == null,
                Failed = l.Status != PaymentStatus.Reissued && a != null && a.FailureReason != null,
            });
}
