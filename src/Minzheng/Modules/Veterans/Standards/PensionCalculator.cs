using System.Globalization;
using System.Text.Json;
using Minzheng.Modules.Veterans.Entitlements;

namespace Minzheng.Modules.Veterans.Standards;

/// <summary>One step of a calculation, with the rule it applies.</summary>
public sealed record CalculationStep(string Description, string Formula, decimal Value, string Policy);

/// <summary>The monthly amount of an entitlement under a standard, and how it was reached.</summary>
public sealed record PensionCalculation(decimal MonthlyAmount, IReadOnlyList<CalculationStep> Steps)
{
    public string ToJson() => JsonSerializer.Serialize(new { monthlyAmount = MonthlyAmount, steps = Steps }, PensionCalculator.Json);
}

/// <summary>
/// Pure calculations of 优抚 money, each step citing its rule: the monthly pension or allowance from a standard, which
/// standard governs (most specific region, then latest month), and the funeral aid on death.
/// </summary>
public static class PensionCalculator
{
    public const int FuneralAidMonths = 6;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>(national + local), per year ÷ 12, rounded half away from zero to the fen.</summary>
    public static decimal Monthly(decimal national, decimal local, bool perYear) =>
        decimal.Round(perYear ? (national + local) / 12m : national + local, 2, MidpointRounding.AwayFromZero);

    public static PensionCalculation Compute(string category, int? grade, DisabilityNature? nature, VeteranStandard s)
    {
        var label = VeteranCategories.Label(category, grade, nature);
        var program = VeteranCategories.ByCode(category)?.Disabled == true ? "残疾抚恤金" : VeteranCategories.ByCode(category)?.Program == SocialAssistance.Contracts.BenefitPrograms.VeteransPension ? "定期抚恤金" : "定期生活补助";
        var unit = s.PerYear ? "元/年" : "元/月";
        var rule = $"{VeteranCategories.Citation}：{program}按国家标准发放，地方可在国家标准基础上增发";
        var steps = new List<CalculationStep>
        {
            new($"{label}{program}国家标准（{s.EffectiveMonth:yyyy-MM}起）", $"{Money(s.NationalAmount)} {unit}", s.NationalAmount, rule),
            new("地方增发部分", $"{Money(s.LocalAmount)} {unit}", s.LocalAmount, (s.Citation is { Length: > 0 } c ? c + "；" : "") + "本地标准"),
        };
        var monthly = Monthly(s.NationalAmount, s.LocalAmount, s.PerYear);
        steps.Add(s.PerYear
            ? new("月发放金额", $"({Money(s.NationalAmount)} + {Money(s.LocalAmount)}) ÷ 12，四舍五入到分 = {Money(monthly)} 元/月", monthly, "按月发放：年标准除以12")
            : new("月发放金额", $"{Money(s.NationalAmount)} + {Money(s.LocalAmount)} = {Money(monthly)} 元/月", monthly, "按月发放"));
        return new PensionCalculation(monthly, steps);
    }

    /// <summary>
    /// The standard in force for an entitlement in a region on a month: same category (and grade and nature for disabled
    /// veterans), its region prefix containing the region — the most specific prefix wins, then the latest month.
    /// </summary>
    public static VeteranStandard? InForce(IEnumerable<VeteranStandard> standards, string category, int? grade, DisabilityNature? nature, string regionCode, DateOnly month) =>
        standards.Where(s => s.Category == category && s.DisabilityGrade == grade && s.DisabilityNature == nature && s.EffectiveMonth <= month
                && regionCode.StartsWith(s.RegionPrefix, StringComparison.Ordinal))
            .OrderByDescending(s => s.RegionPrefix.Length).ThenByDescending(s => s.EffectiveMonth).ThenByDescending(s => s.CreatedAt).FirstOrDefault();

    /// <summary>On a pensioner's death: payment stops from the month after it, and six months of the pension are paid once as funeral aid.</summary>
    public static (DateOnly StopFrom, decimal FuneralAid, string Explanation) Death(DateOnly deathDate, decimal monthlyPension, bool pensioner)
    {
        var stop = new DateOnly(deathDate.Year, deathDate.Month, 1).AddMonths(1);
        var aid = pensioner ? monthlyPension * FuneralAidMonths : 0m;
        var explanation = pensioner
            ? $"{deathDate:yyyy-MM-dd}死亡，自{stop:yyyy-MM}起停发抚恤金；按{VeteranCategories.Citation}，享受抚恤金的优抚对象死亡的，增发{FuneralAidMonths}个月抚恤金作为丧葬补助：{Money(monthlyPension)} × {FuneralAidMonths} = {Money(aid)} 元，一次性发放"
            : $"{deathDate:yyyy-MM-dd}死亡，自{stop:yyyy-MM}起停发定期生活补助";
        return (stop, aid, explanation);
    }

    public static string Money(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
