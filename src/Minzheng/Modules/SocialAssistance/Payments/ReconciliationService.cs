using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;

namespace Minzheng.Modules.SocialAssistance.Payments;

public sealed record ReconciliationResult(int Rows, int Paid, int Failed, decimal PaidAmount, decimal FailedAmount);

/// <summary>
/// 银行回盘: the bank's answer per transfer (success, or failure with a reason) is recorded as a <see cref="BankAnswer"/>
/// for each, all rows or none, and the lines read as paid or failed from it; failed lines are paid again by a
/// supplementary payroll once the account is corrected.
/// </summary>
public sealed class ReconciliationService(MinzhengDbContext db, PayrollService payrolls, AuditLog audit, IConfiguration configuration)
{
    public static readonly string[] Headers = ["流水号", "金额", "处理结果", "失败原因"];
    public const string AuditReconciled = "payroll.reconciled";
    public const string AuditReissued = "payroll.reissued";

    public async Task<(Outcome Outcome, string? Message, ImportErrorList Errors, ReconciliationResult? Result)> ReconcileAsync(
        Guid id, byte[] content, string fileName, CancellationToken ct)
    {
        var payroll = await db.Payrolls.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (payroll is null)
        {
            return (Outcome.NotFound, "发放名册不存在或不在您的管辖范围内", new ImportErrorList(), null);
        }

        if (payroll.Status != PayrollStatus.Approved)
        {
            return (Outcome.Conflict, "只有已审核的发放名册可以导入银行回盘", new ImportErrorList(), null);
        }

        // Exactly the transfers the bank file held: the answer may name no other.
        var expected = await BankFileService.TransfersAsync(db, id, ct, payroll.LineCount);
        var errors = new ImportErrorList(configuration.MaxImportErrors());
        var tally = new Tally();
        var answers = Checked(content, fileName, id, expected, errors, tally);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10)); // up to a million answers
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (!await db.BankAnswers.AnyAsync(a => a.PayrollId == id, ct))
            {
                // The first answer for the payroll (the usual, large one): copied while the file is read and checked, so
                // the database stores and indexes rows while the next ones are parsed; the transaction is rolled back
                // below if the file had an error. Written in the file's order: a bank answers in the order of the file
                // it was sent (by 流水号), which is the key's order, so the index grows at its end.
                await BulkInsert.InsertAsync(db, answers, ct);
            }
            else
            {
                // A later answer for a transfer replaces the earlier one (the bank's correction, or a retried upload). The
                // answers of re-issued transfers are not in this file and stay: they keep the reason the money was paid again.
                var replacing = answers.ToList();
                if (errors.Count == 0)
                {
                    foreach (var chunk in replacing.Select(a => a.EnrollmentId).Chunk(10_000))
                    {
                        await db.BankAnswers.Where(a => a.PayrollId == id && chunk.Contains(a.EnrollmentId)).ExecuteDeleteAsync(ct);
                    }

                    replacing.Sort((x, y) => x.EnrollmentId.CompareTo(y.EnrollmentId));
                    await BulkInsert.InsertAsync(db, replacing, ct);
                }
            }
        }
        catch (TooManyImportErrorsException)
        {
            return (Outcome.Rejected, $"回盘文件错误超过{errors.Count}处，已停止检查，未导入任何记录", errors, null);
        }

        if (errors.Count > 0)
        {
            return (Outcome.Rejected, $"回盘文件有 {errors.Count} 处错误，未导入任何记录", errors, null);
        }

        var result = new ReconciliationResult(tally.Paid + tally.Failed, tally.Paid, tally.Failed, tally.PaidAmount, tally.FailedAmount);
        audit.Add(AuditReconciled, entityType: nameof(Payroll), entityId: id.ToString(), regionCode: payroll.RegionCode, details: new { fileName, result });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null, new ImportErrorList(), result);
    }

    private sealed class Tally
    {
        public int Paid;
        public int Failed;
        public decimal PaidAmount;
        public decimal FailedAmount;
    }

    /// <summary>
    /// The answers of the return file as they will be stored, checked row by row as they are read: each reference once,
    /// a transfer of the bank file, its amount, a result and, for a failure, the bank's reason. A row with an error is
    /// reported (<paramref name="errors"/>) and not yielded; one look-up per row finds the transfer and marks it answered.
    /// </summary>
    private IEnumerable<BankAnswer> Checked(byte[] content, string fileName, Guid payrollId, Dictionary<Guid, BankFileService.BankTransfer> expected,
        ImportErrorList errors, Tally tally)
    {
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, configuration.MaxImportRows()))
        {
            if (Check(row, cells, payrollId, expected, errors, tally) is { } answer)
            {
                yield return answer;
            }
        }
    }

    private static BankAnswer? Check(int row, string[] cells, Guid payrollId, Dictionary<Guid, BankFileService.BankTransfer> expected,
        ImportErrorList errors, Tally tally)
    {
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        var reference = Guid.TryParseExact(Cell(0), "N", out var parsed) ? parsed : Guid.Empty;
        ref var transfer = ref CollectionsMarshal.GetValueRefOrNullRef(expected, reference);
        if (Unsafe.IsNullRef(ref transfer))
        {
            errors.Add(new ImportError(row, "流水号", $"流水号“{Cell(0)}”不是本名册银行文件中的转账"));
            return null;
        }

        if (transfer.Answered)
        {
            errors.Add(new ImportError(row, "流水号", "流水号在文件中重复"));
            return null;
        }

        transfer = transfer with { Answered = true };
        if (!decimal.TryParse(Cell(1), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var returned) || returned != transfer.Amount)
        {
            errors.Add(new ImportError(row, "金额", $"金额“{Cell(1)}”与银行文件中的 {transfer.Amount:0.00} 元不符"));
        }

        var answer = new BankAnswer { PayrollId = payrollId, EnrollmentId = reference, RegionCode = transfer.RegionCode };
        switch (Cell(2))
        {
            case "成功":
                (tally.Paid, tally.PaidAmount) = (tally.Paid + 1, tally.PaidAmount + transfer.Amount);
                return answer;
            case "失败" when Cell(3).Length is > 0 and <= BankAnswer.ReasonMaxLength:
                (answer.FailureReason, tally.Failed, tally.FailedAmount) = (Cell(3), tally.Failed + 1, tally.FailedAmount + transfer.Amount);
                return answer;
            case "失败":
                errors.Add(new ImportError(row, "失败原因", "处理结果为失败时须填写失败原因（200字以内），如“账户已销户”"));
                return null;
            default:
                errors.Add(new ImportError(row, "处理结果", "处理结果应为“成功”或“失败”"));
                return null;
        }
    }

    /// <summary>补发: the failed lines of an approved payroll, with each household's current account, in a new payroll to approve.</summary>
    public async Task<(Outcome Outcome, string? Message, Payroll? Payroll)> ReissueAsync(Guid id, CancellationToken ct)
    {
        var source = await db.Payrolls.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (source is null)
        {
            return (Outcome.NotFound, "发放名册不存在或不在您的管辖范围内", null);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var failed = await db.PayrollLines.Where(l => l.PayrollId == id && l.Status != PaymentStatus.Reissued)
            .Join(db.BankAnswers.Where(a => a.FailureReason != null), l => new { l.PayrollId, l.EnrollmentId }, a => new { a.PayrollId, a.EnrollmentId },
                (l, a) => new { l, a.FailureReason })
            .Join(db.Households, x => x.l.HouseholdId, h => h.Id, (x, h) => new { x.l, x.FailureReason, h }).ToListAsync(ct);
        if (failed.Count == 0)
        {
            return (Outcome.Conflict, "该名册没有发放失败、待补发的记录", null);
        }

        var payroll = new Payroll
        {
            RegionCode = source.RegionCode,
            RegionPrefix = source.RegionPrefix,
            Program = source.Program,
            Kind = PayrollKind.Supplementary,
            PeriodStart = source.PeriodStart,
            Months = source.Months,
            IdempotencyKey = $"reissue:{Guid.CreateVersion7():N}",
            RequestHash = "reissue:" + id.ToString("N"),
            SourcePayrollId = id,
        };
        db.Payrolls.Add(payroll);
        db.PayrollLines.AddRange(failed.GroupBy(x => new { x.l.EnrollmentId, x.l.Month }).Select(g =>
        {
            var (first, h) = (g.First(), g.First().h);
            return new PayrollLine
            {
                PayrollId = payroll.Id,
                EnrollmentId = g.Key.EnrollmentId,
                Month = g.Key.Month,
                Kind = LineKind.Reissue,
                RegionCode = first.l.RegionCode,
                HouseholdId = first.l.HouseholdId,
                PersonId = first.l.PersonId,
                CoveredPersons = first.l.CoveredPersons,
                Amount = g.Sum(x => x.l.Amount),
                Explanation = $"补发 {g.Key.Month:yyyy-MM} 银行退回的款项（{first.FailureReason}）",
                EnrollmentVersion = first.l.EnrollmentVersion,
            }.PaidTo(h);
        }));
        failed.ForEach(x => x.l.Status = PaymentStatus.Reissued);
        await db.SaveChangesAsync(ct);
        await payrolls.RefreshTotalsAsync(payroll, ct);
        audit.Add(AuditReissued, entityType: nameof(Payroll), entityId: payroll.Id.ToString(), regionCode: payroll.RegionCode,
            details: new { source = id, lines = payroll.LineCount, payroll.TotalAmount });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null, payroll);
    }
}
