using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

public sealed record MemberFacts(Guid PersonId, string Name, DateOnly BirthDate, Relationship Relationship, decimal MonthlyIncome, int? DisabilityGrade,
    DateOnly? DeathDate)
{
    public bool Alive => DeathDate is null;
}

/// <param name="HouseholdPrograms">Programmes of the household's active enrolments.</param>
/// <param name="PersonPrograms">(beneficiary, programme) of every active enrolment touching the household.</param>
/// <param name="DibaoStandard">The monthly Dibao standard in force for the household's region and 户籍 type, if set.</param>
public sealed record HouseholdFacts(Guid HouseholdId, HukouType Hukou, IReadOnlyList<MemberFacts> Members, IReadOnlySet<string> HouseholdPrograms,
    IReadOnlySet<(Guid PersonId, string Program)> PersonPrograms, decimal? DibaoStandard, bool Monitored, decimal? AnnualMedicalExpense,
    bool MedicalAssistanceThisYear);

public sealed record WarningSettings(decimal MedicalExpenseThreshold = 10_000m, int ElderlyAge = PerPersonCalculator.DefaultElderlyAge);

public sealed record WarningHit(string Rule, Guid PersonId, string Detail, string SuggestedProgram);

/// <summary>
/// 预警规则 of 低收入人口动态监测 as pure functions of a household's facts, so they are tested table-driven and the scan
/// stays a loop. Each rule names the programme the household (or member) may qualify for; a human verifies.
/// </summary>
public static class WarningRules
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["income-below-standard"] = "收入低于低保标准",
        ["severe-disability"] = "重度残疾未享受护理补贴",
        ["dibao-disability"] = "低保家庭残疾人未享受生活补贴",
        ["medical-expense"] = "医疗支出过大",
        ["earner-died"] = "低保家庭唯一有收入成员死亡",
        ["orphan"] = "未成年人父母均已死亡",
        ["elderly"] = "高龄老人未享受高龄补贴",
    };

    private static readonly string[] Dibao = ["urban-dibao", "rural-dibao"];
    private static readonly string[] Destitute = ["destitute-concentrated", "destitute-dispersed"];

    public static IEnumerable<WarningHit> Evaluate(HouseholdFacts h, DateOnly today, WarningSettings settings)
    {
        var living = h.Members.Where(m => m.Alive).ToList();
        var dibao = Dibao.FirstOrDefault(h.HouseholdPrograms.Contains);
        bool Has(MemberFacts m, params string[] programs) => programs.Any(p => h.PersonPrograms.Contains((m.PersonId, p)));

        if (h.Monitored && dibao is null && !Destitute.Any(h.HouseholdPrograms.Contains) && h.DibaoStandard is { } standard && living.Count > 0
            && living.Sum(m => m.MonthlyIncome) / living.Count < standard)
        {
            var perCapita = decimal.Round(living.Sum(m => m.MonthlyIncome) / living.Count, 2, MidpointRounding.AwayFromZero);
            yield return new WarningHit("income-below-standard", Guid.Empty, $"家庭月人均收入 {perCapita:0.00} 元，低于低保标准 {standard:0.00} 元",
                h.Hukou == HukouType.Urban ? "urban-dibao" : "rural-dibao");
        }

        foreach (var m in living.Where(m => m.DisabilityGrade is 1 or 2 && !Has(m, "disability-care")))
        {
            yield return new WarningHit("severe-disability", m.PersonId, $"{m.Name}为{Grade(m)}残疾，未享受重度残疾人护理补贴", "disability-care");
        }

        foreach (var m in living.Where(m => dibao is not null && m.DisabilityGrade is >= 1 and <= 4 && !Has(m, "disability-living")))
        {
            yield return new WarningHit("dibao-disability", m.PersonId, $"{m.Name}为低保家庭{Grade(m)}残疾人，未享受困难残疾人生活补贴", "disability-living");
        }

        if (h.AnnualMedicalExpense is { } expense && expense >= settings.MedicalExpenseThreshold && !h.MedicalAssistanceThisYear)
        {
            yield return new WarningHit("medical-expense", Guid.Empty, $"近12个月自付医疗费用 {expense:0.00} 元，超过 {settings.MedicalExpenseThreshold:0.00} 元，今年未获医疗救助",
                "medical");
        }

        var deceasedEarners = h.Members.Where(m => !m.Alive && m.MonthlyIncome > 0).ToList();
        if (dibao is not null && deceasedEarners.Count > 0 && living.Count > 0 && living.All(m => m.MonthlyIncome <= 0))
        {
            var d = deceasedEarners[0];
            yield return new WarningHit("earner-died", d.PersonId, $"{d.Name}（月收入 {d.MonthlyIncome:0.00} 元）已于 {d.DeathDate:yyyy-MM-dd} 死亡，家庭已无收入，应重新核定低保金",
                dibao);
        }

        var parents = h.Members.Where(m => m.Relationship is Relationship.Head or Relationship.Spouse).ToList();
        if (parents.Count > 0 && parents.All(p => !p.Alive))
        {
            foreach (var child in living.Where(m => m.Relationship == Relationship.Child && Money.AgeOn(m.BirthDate, today) < 18
                && !Has(m, "orphan", "unattended-child")))
            {
                yield return new WarningHit("orphan", child.PersonId, $"{child.Name}（{Money.AgeOn(child.BirthDate, today)}岁）父母均已死亡，可能符合孤儿基本生活保障", "orphan");
            }
        }

        foreach (var m in living.Where(m => Money.AgeOn(m.BirthDate, today) >= settings.ElderlyAge && !Has(m, "elderly-allowance")))
        {
            yield return new WarningHit("elderly", m.PersonId, $"{m.Name}已满{Money.AgeOn(m.BirthDate, today)}周岁，未享受高龄补贴", "elderly-allowance");
        }
    }

    public static string ProgramName(string code) => AssistancePrograms.NameOf(code);

    private static string Grade(MemberFacts m) => m.DisabilityGrade switch { 1 => "一级", 2 => "二级", 3 => "三级", _ => "四级" };
}
