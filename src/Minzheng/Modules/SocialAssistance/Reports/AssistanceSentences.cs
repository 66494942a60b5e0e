using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>
/// The social-assistance paragraph of the work summary: stock at the end of the period, new and cancelled within it
/// (with the reasons), and the one-off programmes with the reserve fund — in the wording of bureau reports.
/// </summary>
internal static class AssistanceSentences
{
    public static IEnumerable<DraftSentence> For(AssistanceSummary s, string period, string source)
    {
        var monthly = s.Programs.Where(p => !p.OneOff).ToList();
        var stock = monthly.Where(p => p.Households > 0).Select(p => $"{p.Name}共{Count(p, p.Households, p.Persons)}，月发放{ReportFormat.Wan(p.MonthlyAmount)}").ToList();
        if (stock.Count > 0)
        {
            yield return new DraftSentence($"截至{ReportFormat.AsOf(s.To, s.From.Year != s.To.Year)}，{string.Join("；", stock)}。", source);
        }

        var added = monthly.Where(p => p.NewHouseholds > 0).Select(p => p.Name + Count(p, p.NewHouseholds, p.NewPersons)).ToList();
        var cancelled = monthly.Where(p => p.CancelledHouseholds > 0).Select(p => p.Name + Count(p, p.CancelledHouseholds, p.CancelledPersons)).ToList();
        if (added.Count + cancelled.Count > 0)
        {
            var parts = new List<string>();
            if (added.Count > 0)
            {
                parts.Add($"新增{string.Join("、", added)}");
            }

            if (cancelled.Count > 0)
            {
                parts.Add($"停保{string.Join("、", cancelled)}{Reasons(monthly)}");
            }

            yield return new DraftSentence($"{period}，{string.Join("；", parts)}。", source);
        }

        foreach (var p in s.Programs.Where(p => p.OneOff && p.NewPersons > 0))
        {
            var text = p.Program == "temporary"
                ? $"临时救助困难群众{p.NewPersons}人次，发放金额{ReportFormat.Wan(p.PeriodAmount)}"
                : $"医疗救助{p.NewPersons}人次，救助金额{ReportFormat.Wan(p.PeriodAmount)}";
            if (p.ReserveFundPersons > 0)
            {
                text += $"，其中通过备用金救助{p.ReserveFundPersons}人{ReportFormat.Wan(p.ReserveFundAmount)}";
            }

            yield return new DraftSentence(text + "。", source);
        }
    }

    private static string Count(ProgramSummary p, int households, int persons) =>
        AssistancePrograms.HouseholdBased.Contains(p.Program) ? $"{households}户{persons}人" : $"{persons}人";

    /// <summary>"，其中因家庭收入超过保障标准停保3户5人、因保障对象死亡停保2户2人" over all monthly programmes.</summary>
    private static string Reasons(List<ProgramSummary> monthly)
    {
        var reasons = monthly.SelectMany(p => p.CancelledByReason).GroupBy(r => r.Reason)
            .Select(g => (Name: g.Key == "other" ? "其他原因" : TerminationReasons.Name(g.Key), Households: g.Sum(r => r.Households), Persons: g.Sum(r => r.Persons)))
            .OrderByDescending(r => r.Persons).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return reasons.Count == 0 ? "" : "，其中" + string.Join("、", reasons.Select(r => $"因{r.Name}停保{r.Households}户{r.Persons}人"));
    }
}
