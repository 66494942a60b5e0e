using Minzheng.Modules.SocialAssistance.Standards;
using static Minzheng.Modules.SocialAssistance.Benefits.Money;

namespace Minzheng.Modules.SocialAssistance.Benefits;

/// <summary>The ceiling check of 临时救助: an amount within a multiple of the monthly Dibao standard (POLICY §3).</summary>
public sealed record TemporaryCheck(decimal Ceiling, decimal Amount, bool WithinCeiling, IReadOnlyList<CalculationStep> Steps);

/// <summary>One 医疗救助 reimbursement: the rate of the person's best category, limited by what is left of the annual cap.</summary>
public sealed record MedicalReimbursement(string Category, decimal Rate, decimal Eligible, decimal Computed, decimal UsedThisYear, decimal Remaining,
    decimal Amount, IReadOnlyList<CalculationStep> Steps);

public static class OneOffCalculators
{
    /// <param name="dibao">The monthly Dibao standard of the region (the ceiling is a multiple of it).</param>
    /// <param name="temporary">The 临时救助 standard that holds the ceiling multiple.</param>
    public static TemporaryCheck Temporary(Standard dibao, Standard temporary, decimal requested)
    {
        var monthly = dibao.MonthlyAmount;
        var multiple = temporary.CeilingMultiple ?? 0;
        var ceiling = Report(monthly * multiple);
        var amount = temporary.Round(requested);
        var within = amount <= ceiling;
        var steps = new List<CalculationStep>
        {
            new("月低保标准", $"{Text(monthly)} 元/月", Report(monthly), PolicyCitations.With(PolicyCitations.DibaoStandard, dibao)),
            new("临时救助上限", $"{Text(monthly)} × {multiple:0.##} 倍", ceiling, PolicyCitations.With(PolicyCitations.Temporary, temporary)),
            new("拟救助金额", within ? $"{Text(amount)} ≤ 上限 {Text(ceiling)}" : $"{Text(amount)} > 上限 {Text(ceiling)}：须“一事一议”报县级审批", amount,
                PolicyCitations.Temporary),
        };
        return new TemporaryCheck(ceiling, amount, within, steps);
    }

    /// <param name="categories">The categories the person holds; the best one (the highest rate) applies (POLICY §4).</param>
    /// <param name="usedThisYear">Medical assistance already paid to the person in the same calendar year.</param>
    public static MedicalReimbursement Medical(Standard medical, IEnumerable<string> categories, decimal eligibleExpense, decimal usedThisYear)
    {
        var held = categories.ToHashSet();
        var best = medical.Rates.Where(r => held.Contains(r.Category)).OrderByDescending(r => r.PercentOfStandard).FirstOrDefault();
        var rate = best?.PercentOfStandard ?? 0;
        var computed = medical.Round(eligibleExpense * rate / 100m);
        var cap = medical.AnnualCap ?? decimal.MaxValue;
        var remaining = Math.Max(0, cap - usedThisYear);
        var amount = Math.Min(computed, remaining);
        var steps = new List<CalculationStep>
        {
            new("救助类别与比例", best is null ? "不属于医疗救助对象类别" : $"{SocialAssistance.Medical.MedicalAidFacts.CategoryName(best.Category)}：{rate:0.##}%", rate, PolicyCitations.With(PolicyCitations.Medical, medical)),
            new("按比例计算", $"{Text(eligibleExpense)} × {rate:0.##}%", computed, PolicyCitations.Medical),
            new("年度限额剩余", medical.AnnualCap is null ? "未设年度限额" : $"{Text(cap)} − 本年已救助 {Text(usedThisYear)}",
                medical.AnnualCap is null ? computed : Report(remaining), PolicyCitations.With(PolicyCitations.Medical, medical)),
            new("本次救助金额", medical.AnnualCap is null ? Text(computed) : $"{Text(computed)} 与限额剩余 {Text(remaining)} 取较小者", amount, PolicyCitations.Medical),
        };
        return new MedicalReimbursement(best?.Category ?? "", rate, eligibleExpense, computed, usedThisYear,
            medical.AnnualCap is null ? 0 : Report(remaining), amount, steps);
    }
}
