using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.People;
using static Minzheng.Modules.SocialAssistance.Benefits.Money;

namespace Minzheng.Modules.SocialAssistance.Benefits;

/// <summary>
/// Monthly programmes paid per qualifying person — 特困 (basic living + care by self-care level), the two disability
/// subsidies, 孤儿 / 事实无人抚养儿童, 高龄 / 失能补贴 — in the same explainable shape as the Dibao calculation:
/// baseAmount is the per-person amount for every qualifying member, supplements the per-person extras (care allowances).
/// </summary>
public static class PerPersonCalculator
{
    public const int DefaultElderlyAge = 80;

    /// <param name="inDibaoHousehold">Whether the household receives Dibao: the living subsidy is for disabled members of Dibao households.</param>
    /// <param name="inHardship">Whether the household receives 低保 or 特困: 经济困难 for the elderly allowances where the standard requires it.</param>
    public static BenefitResult Calculate(string program, Standard standard, IReadOnlyList<BenefitMember> members, DateOnly day, bool inDibaoHousehold,
        bool inHardship = false)
    {
        var monthly = standard.MonthlyAmount;
        var (rule, label) = Rule(program);
        var steps = new List<CalculationStep>
        {
            new($"{label}标准（月）", standard.Per == StandardPeriod.Year ? $"{Text(standard.Amount)} 元/年 ÷ 12" : $"{Text(standard.Amount)} 元/月",
                Report(monthly), PolicyCitations.With(rule, standard) + $"（{standard.EffectiveFrom:yyyy-MM-dd}起执行）"),
        };
        var householdIncome = members.Sum(m => m.MonthlyIncome);
        var qualifying = members.Where(m => Qualifies(program, standard, m, day, inDibaoHousehold, inHardship)).ToList();
        steps.Add(new("符合条件的人员", qualifying.Count == 0 ? Condition(program, standard) + "：无" : $"{Condition(program, standard)}：{string.Join("、", qualifying.Select(m => m.Name))}",
            qualifying.Count, rule));

        var perPerson = standard.Round(monthly);
        var baseAmount = perPerson * qualifying.Count;
        steps.Add(new($"{label}（基本部分）", $"{Text(perPerson)} × {qualifying.Count} 人", baseAmount, PolicyCitations.With(rule, standard)));

        var supplements = new List<SupplementLine>();
        foreach (var member in members.Where(m => CareApplies(program, standard, m, day, qualifying, inHardship)))
        {
            var (category, amount) = Care(standard, member.SelfCare);
            if (amount is not > 0)
            {
                continue;
            }

            var rounded = standard.Round(amount.Value);
            supplements.Add(new SupplementLine(member.Name, category, rounded));
            steps.Add(new($"照料护理：{member.Name}（{SelfCareName(member.SelfCare)}）", $"{Text(amount.Value)} 元/月", rounded, PolicyCitations.With(rule, standard)));
        }

        var total = baseAmount + supplements.Sum(s => s.Amount);
        steps.Add(new("月发放金额合计", supplements.Count == 0 ? Text(baseAmount) : $"{Text(baseAmount)} + {string.Join(" + ", supplements.Select(s => Text(s.Amount)))}",
            total, Payee(program)));
        return new BenefitResult(Report(monthly), Report(householdIncome), Report(members.Count == 0 ? 0 : householdIncome / members.Count),
            qualifying.Count, Report(baseAmount), supplements, Report(total), steps, standard.Id, standard.EffectiveFrom);
    }

    public static bool Qualifies(string program, Standard standard, BenefitMember m, DateOnly day, bool inDibaoHousehold, bool inHardship = false) => program switch
    {
        "destitute-concentrated" or "destitute-dispersed" => true,
        "disability-living" => inDibaoHousehold && m.DisabilityGrade is not null,
        "disability-care" => m.DisabilityGrade is 1 or 2,
        "orphan" or "unattended-child" => AgeOn(m.BirthDate, day) < 18,
        "elderly-allowance" => AgeOn(m.BirthDate, day) >= (standard.MinAge ?? DefaultElderlyAge) && (!standard.HardshipOnly || inHardship),
        _ => false,
    };

    /// <summary>
    /// 特困 members get the care allowance of their level; for the elderly allowance, 失能 members aged 60+ get the 失能
    /// part — only in 低保/特困 households where the standard says so.
    /// </summary>
    private static bool CareApplies(string program, Standard standard, BenefitMember m, DateOnly day, List<BenefitMember> qualifying, bool inHardship) => program switch
    {
        "destitute-concentrated" or "destitute-dispersed" => qualifying.Contains(m),
        "elderly-allowance" => m.SelfCare != SelfCare.Full && AgeOn(m.BirthDate, day) >= 60 && (!standard.CareHardshipOnly || inHardship),
        _ => false,
    };

    private static (string Category, decimal? Amount) Care(Standard standard, SelfCare level) => level switch
    {
        SelfCare.Full => ("care-full", standard.CareFull),
        SelfCare.Partial => ("care-partial", standard.CarePartial),
        SelfCare.None => ("care-none", standard.CareNone),
    };

    private static string SelfCareName(SelfCare level) => level switch { SelfCare.Full => "全自理", SelfCare.Partial => "半失能", SelfCare.None => "全失能" };

    private static (string Rule, string Label) Rule(string program) => program switch
    {
        "destitute-concentrated" or "destitute-dispersed" => (PolicyCitations.Destitute, "特困人员基本生活"),
        "disability-living" => (PolicyCitations.Disability, "困难残疾人生活补贴"),
        "disability-care" => (PolicyCitations.Disability, "重度残疾人护理补贴"),
        "orphan" => (PolicyCitations.Orphan, "孤儿基本生活费"),
        "unattended-child" => (PolicyCitations.UnattendedChild, "事实无人抚养儿童基本生活补贴"),
        "elderly-allowance" => (PolicyCitations.Elderly, "高龄津贴"),
        _ => throw new ArgumentOutOfRangeException(nameof(program), program, "not a per-person monthly programme"),
    };

    private static string Condition(string program, Standard standard) => program switch
    {
        "destitute-concentrated" or "destitute-dispersed" => "特困供养人员",
        "disability-living" => "低保家庭中的残疾人",
        "disability-care" => "残疾等级为1、2级的重度残疾人",
        "orphan" or "unattended-child" => "未满18周岁的儿童",
        _ => $"年满{standard.MinAge ?? DefaultElderlyAge}周岁的{(standard.HardshipOnly ? "经济困难（低保、特困家庭）" : "")}老年人"
            + (standard.CareHardshipOnly ? "；失能补贴限低保、特困家庭60周岁以上失能老人" : ""),
    };

    private static string Payee(string program) => program switch
    {
        "destitute-concentrated" => "集中供养：基本生活费和照料护理费拨付供养服务机构（民发〔2021〕43号）",
        "destitute-dispersed" => "分散供养：发放至本人（或其委托人）账户（民发〔2021〕43号）",
        _ => "按月发放至本人或监护人账户",
    };

    public static bool IsPerPerson(string program) => program is "destitute-concentrated" or "destitute-dispersed" or "disability-living"
        or "disability-care" or "orphan" or "unattended-child" or "elderly-allowance";
}
