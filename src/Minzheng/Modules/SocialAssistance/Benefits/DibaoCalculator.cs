using Minzheng.Modules.SocialAssistance.Standards;
using static Minzheng.Modules.SocialAssistance.Benefits.Money;

namespace Minzheng.Modules.SocialAssistance.Benefits;

/// <summary>
/// The Dibao top-up (补差) with 分类施保, exactly as DESIGN §5 specifies: pure, every step explained with its policy.
/// </summary>
public static class DibaoCalculator
{
    public static BenefitResult Calculate(Standard standard, IReadOnlyList<BenefitMember> members, DateOnly firstDayOfMonth)
    {
        var steps = new List<CalculationStep>();
        var monthly = standard.MonthlyAmount;
        steps.Add(new("保障标准（月）", standard.Per == StandardPeriod.Year ? $"{Text(standard.Amount)} 元/年 ÷ 12" : $"{Text(standard.Amount)} 元/月",
            Report(monthly), PolicyCitations.With(PolicyCitations.DibaoStandard, standard) + $"（{standard.EffectiveFrom:yyyy-MM-dd}起执行）"));

        var householdIncome = members.Sum(m => m.MonthlyIncome);
        steps.Add(new("家庭月收入", members.Count == 0 ? "0" : string.Join(" + ", members.Select(m => Text(m.MonthlyIncome))), Report(householdIncome),
            PolicyCitations.DibaoIncome));

        var perCapita = members.Count == 0 ? 0 : householdIncome / members.Count;
        steps.Add(new("家庭月人均收入", $"{Text(householdIncome)} ÷ {members.Count}", Report(perCapita), PolicyCitations.DibaoIncome));

        var covered = members.Count;
        var baseAmount = members.Count > 0 && perCapita < monthly ? standard.Round((monthly - perCapita) * covered) : 0m;
        steps.Add(new("基本保障金（补差）",
            perCapita >= monthly
                ? $"人均收入 {Text(perCapita)} ≥ 标准 {Text(monthly)}，不予补差"
                : $"({Text(monthly)} − {Text(perCapita)}) × {covered} 人，按{RoundingName(standard.Rounding)}四舍五入",
            baseAmount, PolicyCitations.DibaoTopUp));

        var supplements = new List<SupplementLine>();
        if (baseAmount > 0)
        {
            foreach (var member in members)
            {
                if (Highest(standard, member, firstDayOfMonth) is not { } best)
                {
                    continue;
                }

                var amount = standard.Round(monthly * best.PercentOfStandard / 100m);
                supplements.Add(new SupplementLine(member.Name, best.Category, amount));
                steps.Add(new($"分类施保：{member.Name}（{CategoryName(best.Category)}）",
                    $"{Text(monthly)} × {best.PercentOfStandard.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%", amount,
                    PolicyCitations.With(PolicyCitations.DibaoSupplement, standard)));
            }
        }

        var total = baseAmount + supplements.Sum(s => s.Amount);
        steps.Add(new("月保障金额合计", supplements.Count == 0 ? Text(baseAmount) : $"{Text(baseAmount)} + {string.Join(" + ", supplements.Select(s => Text(s.Amount)))}",
            total, PolicyCitations.DibaoTopUp));
        return new BenefitResult(Report(monthly), Report(householdIncome), Report(perCapita), covered, Report(baseAmount), supplements, Report(total),
            steps, standard.Id, standard.EffectiveFrom);
    }

    /// <summary>The single highest supplement the member qualifies for on the day, among those the standard defines.</summary>
    public static CategoryPercent? Highest(Standard standard, BenefitMember member, DateOnly day) =>
        standard.Supplements.Where(s => Qualifies(s.Category, member, day)).OrderByDescending(s => s.PercentOfStandard).FirstOrDefault();

    public static bool Qualifies(string category, BenefitMember member, DateOnly day) => category switch
    {
        "severe-disability" => member.DisabilityGrade is 1 or 2,
        "disability" => member.DisabilityGrade is 3 or 4,
        "elderly-70" => AgeOn(member.BirthDate, day) >= 70,
        "minor" => AgeOn(member.BirthDate, day) < 18,
        "serious-illness" => member.SeriousIllness,
        _ => false,
    };

    public static string CategoryName(string category) => category switch
    {
        "severe-disability" => "重度残疾（1、2级）",
        "disability" => "残疾（3、4级）",
        "elderly-70" => "70周岁以上老年人",
        "minor" => "未成年人",
        "serious-illness" => "重病患者",
        _ => category,
    };
}
