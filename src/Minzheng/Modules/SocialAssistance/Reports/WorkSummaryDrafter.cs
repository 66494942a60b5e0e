using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Payments;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>A sentence of the draft and the query its figures come from (an API address the reader can open).</summary>
public sealed record DraftSentence(string Text, string Source);

public sealed record DraftSection(string Heading, IReadOnlyList<DraftSentence> Sentences);

public sealed record WorkSummaryDraft(string Title, string RegionCode, DateOnly From, DateOnly To, IReadOnlyList<DraftSection> Sections)
{
    /// <summary>The draft as plain text: title, then each section's heading and paragraph — what the user edits.</summary>
    public string Text => string.Join("\n", [Title, .. Sections.SelectMany(s => new[] { s.Heading, string.Concat(s.Sentences.Select(x => x.Text)) })]);
}

/// <summary>
/// Drafts the work summary (工作总结) of a region and period in the style of bureau reports. Every figure comes from the
/// same queries as the statistics pages; a module with no data in the period gets no section.
/// </summary>
public sealed class WorkSummaryDrafter(AssistanceSummaryService summaries, PayrollQueries payrolls, VerificationSentences verification)
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public async Task<WorkSummaryDraft> DraftAsync(ReportQuery q, CancellationToken ct)
    {
        var summary = await summaries.SummaryAsync(q, ct);
        var period = ReportFormat.Period(q.From, q.To);
        var sections = new List<(string Title, List<DraftSentence> Sentences)>
        {
            ("社会救助", AssistanceSentences.For(summary, period, Source("reports/assistance-summary", q, dates: true)).ToList()),
            ("救助资金发放", await PaymentSentencesAsync(q, period, ct)),
            ("核查监测", await verification.ForAsync(q, ct)),
        };
        var present = sections.Where(s => s.Sentences.Count > 0).Select((s, i) => new DraftSection($"{Numerals[i]}、{s.Title}", s.Sentences)).ToList();
        return new WorkSummaryDraft($"{summary.RegionName}{period}民政工作总结（初稿）", q.RegionCode, q.From, q.To, present);
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
        return [new DraftSentence(text, Source("payments/ledger", q, dates: false))];
    }

    private static string Source(string path, ReportQuery q, bool dates) => dates
        ? $"/api/v1/{path}?region={q.RegionCode}&from={q.From:yyyy-MM-dd}&to={q.To:yyyy-MM-dd}"
        : $"/api/v1/{path}?region={q.RegionCode}&from={q.FromMonth:yyyy-MM}&to={q.ToMonth:yyyy-MM}";
}
