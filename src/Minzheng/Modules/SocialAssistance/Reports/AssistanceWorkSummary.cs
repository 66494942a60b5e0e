using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>
/// Social assistance's part of the work summary: the programmes' stock and flows, the money paid, and verification
/// and monitoring — from the same queries as the statistics pages.
/// </summary>
public sealed class AssistanceWorkSummary(AssistanceSummaryService summaries, PayrollQueries payrolls, VerificationSentences verification)
    : IWorkSummaryContributor
{
    public async Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct)
    {
        var summary = await summaries.SummaryAsync(q, ct);
        var period = ReportFormat.Period(q.From, q.To);
        return
        [
            new("社会救助", AssistanceSentences.For(summary, period, WorkSummaryDrafter.Source("reports/assistance-summary", q, dates: true)).ToList()),
            new("救助资金发放", await PaymentSentencesAsync(q, period, ct)),
            new("核查监测", await verification.ForAsync(q, ct)),
        ];
    }

    private async Task<List<DraftSentence>> PaymentSentencesAsync(ReportQuery q, string period, CancellationToken ct)
    {
        var rows = await payrolls.LedgerAsync(null, q.Prefix, q.FromMonth, q.ToMonth, ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var (due, recovered) = (rows.Sum(r => r.Due), rows.Sum(r => r.Recovered));
        var parts = new[] { ("银行代发成功", rows.Sum(r => r.Paid)), ("发放失败待补发", rows.Sum(r => r.Failed)), ("待银行回盘", rows.Sum(r => r.Pending)) }
            .Where(p => p.Item2 > 0).Select(p => p.Item1 + ReportFormat.Wan(p.Item2)).ToList();
        var text = $"{period}，经审核发放各类救助资金{ReportFormat.Wan(due)}";
        text += parts.Count > 0 ? $"，其中{string.Join("、", parts)}" : "";
        text += recovered > 0 ? $"；抵扣追回多发资金{ReportFormat.Wan(recovered)}。" : "。";
        return [new DraftSentence(text, WorkSummaryDrafter.Source("payments/ledger", q, dates: false))];
    }
}
