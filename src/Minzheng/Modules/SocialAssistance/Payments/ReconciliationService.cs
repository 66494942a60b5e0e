using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Npgsql;

namespace Minzheng.Modules.SocialAssistance.Payments;

public sealed record ReconciliationResult(int Rows, int Paid, int Failed, decimal PaidAmount, decimal FailedAmount);

/// <summary>
/// 银行回盘: the bank's answer per transfer (success, or failure with a reason) marks the payroll's lines paid or failed,
/// all rows or none; failed lines are paid again by a supplementary payroll once the account is corrected.
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
        var expected = await BankFileService.TransfersAsync(db, id, ct);
        var errors = new ImportErrorList(configuration.MaxImportErrors());
        var outcomes = new Dictionary<Guid, string?>(expected.Count);
        var maxRows = configuration.MaxImportRows();
        try
        {
            foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, maxRows))
            {
                string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
                if (!Guid.TryParseExact(Cell(0), "N", out var reference) || !expected.TryGetValue(reference, out var amount))
                {
                    errors.Add(new ImportError(row, "流水号", $"流水号“{Cell(0)}”不是本名册银行文件中的转账"));
                    continue;
                }

                if (outcomes.ContainsKey(reference))
                {
                    errors.Add(new ImportError(row, "流水号", "流水号在文件中重复"));
                    continue;
                }

                if (!decimal.TryParse(Cell(1), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var returned) || returned != amount)
                {
                    errors.Add(new ImportError(row, "金额", $"金额“{Cell(1)}”与银行文件中的 {amount:0.00} 元不符"));
                }

                switch (Cell(2))
                {
                    case "成功":
                        outcomes[reference] = null;
                        break;
                    case "失败" when Cell(3).Length is > 0 and <= 200:
                        outcomes[reference] = Cell(3);
                        break;
                    case "失败":
                        errors.Add(new ImportError(row, "失败原因", "处理结果为失败时须填写失败原因（200字以内），如“账户已销户”"));
                        break;
                    default:
                        errors.Add(new ImportError(row, "处理结果", "处理结果应为“成功”或“失败”"));
                        break;
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

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10)); // one update over up to a million lines
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ApplyAsync(id, outcomes, ct);
        var failed = outcomes.Where(o => o.Value is not null).Select(o => o.Key).ToList();
        var result = new ReconciliationResult(outcomes.Count, outcomes.Count - failed.Count, failed.Count,
            outcomes.Where(o => o.Value is null).Sum(o => expected[o.Key]), failed.Sum(f => expected[f]));
        audit.Add(AuditReconciled, entityType: nameof(Payroll), entityId: id.ToString(), regionCode: payroll.RegionCode, details: new { fileName, result });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null, new ImportErrorList(), result);
    }

    /// <summary>
    /// One set-based update for the whole file: the answers go into a temporary table (binary COPY on PostgreSQL, a
    /// prepared statement on SQLite) and the lines are updated from it in one statement, in the caller's transaction.
    /// On PostgreSQL the update is HOT (heap-only): PayrollLines keeps half of each page free (fillfactor 50) and no
    /// index holds Status or FailureReason, so a line's new version stays on its page and no index is touched — at 1M
    /// lines this is most of the difference to the floor (docs/performance.md). Lines that already hold the answer
    /// are left alone, so a re-run of the same file writes nothing.
    /// </summary>
    private async Task ApplyAsync(Guid payrollId, Dictionary<Guid, string?> outcomes, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var postgres = db.Database.IsNpgsql();
        await ExecuteAsync(postgres
            // No key: the file's references were checked unique above, and the update hash-joins the whole table.
            ? "CREATE TEMP TABLE bank_returns (enrollment_id uuid NOT NULL, reason text) ON COMMIT DROP"
            : "CREATE TEMP TABLE bank_returns (enrollment_id TEXT PRIMARY KEY, reason TEXT)");
        if (postgres)
        {
            await using (var copy = await ((NpgsqlConnection)transaction.Connection!).BeginBinaryImportAsync("COPY bank_returns FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var (enrollment, reason) in outcomes)
                {
                    await copy.WriteRowAsync(ct, enrollment, reason);
                }

                await copy.CompleteAsync(ct);
            }

            await ExecuteAsync("ANALYZE bank_returns"); // a temporary table has no statistics until asked: the planner needs its size
        }
        else
        {
            await using var insert = transaction.Connection!.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO bank_returns VALUES ($id, $reason)";
            var (idParameter, reasonParameter) = (insert.CreateParameter(), insert.CreateParameter());
            (idParameter.ParameterName, reasonParameter.ParameterName) = ("$id", "$reason");
            insert.Parameters.Add(idParameter);
            insert.Parameters.Add(reasonParameter);
            foreach (var (enrollment, reason) in outcomes)
            {
                (idParameter.Value, reasonParameter.Value) = (db.Database.Key(enrollment), (object?)reason ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "PayrollLines" SET "Status" = CASE WHEN r.reason IS NULL THEN 'Paid' ELSE 'Failed' END, "FailureReason" = r.reason
            FROM bank_returns r
            WHERE "PayrollLines"."PayrollId" = {0} AND "PayrollLines"."EnrollmentId" = r.enrollment_id AND "PayrollLines"."Status" <> 'Reissued'
              AND NOT ("PayrollLines"."Status" = CASE WHEN r.reason IS NULL THEN 'Paid' ELSE 'Failed' END
                       AND COALESCE("PayrollLines"."FailureReason", '') = COALESCE(r.reason, ''))
            """, [db.Database.Key(payrollId)], ct);
        if (!postgres)
        {
            await ExecuteAsync("DROP TABLE bank_returns");
        }

        async Task ExecuteAsync(string sql)
        {
            await using var command = transaction.Connection!.CreateCommand();
            (command.Transaction, command.CommandText) = (transaction, sql);
            await command.ExecuteNonQueryAsync(ct);
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
        var failed = await db.PayrollLines.Where(l => l.PayrollId == id && l.Status == PaymentStatus.Failed)
            .Join(db.Households, l => l.HouseholdId, h => h.Id, (l, h) => new { l, h }).ToListAsync(ct);
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
                Explanation = $"补发 {g.Key.Month:yyyy-MM} 银行退回的款项（{first.l.FailureReason}）",
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
