using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Demo;

/// <summary>
/// Demo payments through the real services, so the payment pages show real-looking work: for each programme with
/// enrolments, the month before last is approved, exported, reconciled (one transfer refused by the bank and re-issued),
/// last month waits for the finance officer; quarterly programmes have their last quarter approved.
/// </summary>
public sealed class DemoPayments(MinzhengDbContext db, PayrollService payrolls, BankFileService files, ReconciliationService reconciliation, TimeProvider clock)
{
    private const string County = "360482";
    private const string Finance = "finance";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Payrolls.AnyAsync(ct))
        {
            return;
        }

        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var programs = await db.Enrollments.Select(e => e.Program).Distinct().ToListAsync(ct);
        foreach (var program in AssistancePrograms.All.Where(p => programs.Contains(p.Code)))
        {
            if (payrolls.PaidQuarterly(program))
            {
                var quarter = new DateOnly(thisMonth.Year, ((thisMonth.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
                await PaidAsync(program, $"{quarter.Year}-Q{((quarter.Month - 1) / 3) + 1}", ct);
                continue;
            }

            await PaidAsync(program, thisMonth.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture), ct);
            await CreateAsync(program, thisMonth.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), ct);
        }
    }

    private async Task<Payroll> CreateAsync(AssistanceProgram program, string period, CancellationToken ct)
    {
        var result = await payrolls.CreateAsync(new CreatePayrollRequest(program.Code, County, period), $"demo:{program.Code}:{period}", ct);
        return result.Payroll ?? throw new InvalidOperationException($"Demo payroll refused: {result.Message}");
    }

    /// <summary>Made, approved, exported, and answered by the bank: every transfer paid but the first, which is re-issued.</summary>
    private async Task PaidAsync(AssistanceProgram program, string period, CancellationToken ct)
    {
        var payroll = await CreateAsync(program, period, ct);
        await payrolls.ApproveAsync(payroll.Id, Finance, payroll.TotalAmount, ct);
        var tracked = await db.Payrolls.SingleAsync(p => p.Id == payroll.Id, ct);
        await files.WriteAsync(tracked, "csv", files.Layout("csv")!, $"payroll-{program.Code}-{period}.csv", Stream.Null, ct);
        var answer = new StringBuilder(string.Join(",", ReconciliationService.Headers)).Append('\n');
        var first = true;
        await foreach (var row in files.RowsAsync(tracked, ct))
        {
            answer.Append(row.EnrollmentId.ToString("N")).Append(',').Append(row.Amount.ToString("0.00", CultureInfo.InvariantCulture))
                .Append(first ? ",失败,账户已销户\n" : ",成功,\n");
            first = false;
        }

        if (first)
        {
            return; // nobody with an account: nothing for the bank to answer
        }

        await reconciliation.ReconcileAsync(payroll.Id, Encoding.UTF8.GetBytes(answer.ToString()), "bank-return.csv", ct);
        var (_, _, reissued) = await reconciliation.ReissueAsync(payroll.Id, ct);
        await payrolls.ApproveAsync(reissued!.Id, Finance, reissued.TotalAmount, ct);
    }
}
