using Minzheng.Modules.SocialAssistance.Contracts;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary>残疾性质: 因战 (combat), 因公 (duty), 因病 (illness).</summary>
public enum DisabilityNature
{
    War,
    Duty,
    Illness,
}

/// <summary>One 优抚对象 category: its code (public API), Chinese name, the programme that pays it and whether a disability grade is needed.</summary>
public sealed record VeteranCategory(string Code, string Name, string Program, bool Disabled = false);

/// <summary>
/// The 重点优抚对象 categories of 军人抚恤优待条例 (令第788号) and POLICY §7: 三属 and disabled veterans draw a pension
/// (抚恤金); the others a periodic living allowance (定期生活补助), re-confirmed every year.
/// </summary>
public static class VeteranCategories
{
    public const string Citation = "《军人抚恤优待条例》（国务院、中央军委令第788号，2024年10月1日起施行）";

    public static IReadOnlyList<VeteranCategory> All { get; } =
    [
        new("martyr-family", "烈士遗属", BenefitPrograms.VeteransPension),
        new("duty-death-family", "因公牺牲军人遗属", BenefitPrograms.VeteransPension),
        new("illness-death-family", "病故军人遗属", BenefitPrograms.VeteransPension),
        new("disabled", "残疾军人", BenefitPrograms.VeteransPension, Disabled: true),
        new("demobilized", "在乡复员军人", BenefitPrograms.VeteransAllowance),
        new("ill-returnee", "带病回乡退伍军人", BenefitPrograms.VeteransAllowance),
        new("war-participant", "参战参试退役人员", BenefitPrograms.VeteransAllowance),
        new("rural-elderly-soldier", "60岁以上农村籍退役士兵", BenefitPrograms.VeteransAllowance),
        new("uranium-miner", "铀矿开采军队退役人员", BenefitPrograms.VeteransAllowance),
    ];

    public static VeteranCategory? ByCode(string? code) => All.FirstOrDefault(c => c.Code == code);

    public static string Name(string code) => ByCode(code)?.Name ?? code;

    public static string NatureName(DisabilityNature? nature) => nature switch
    {
        DisabilityNature.War => "因战",
        DisabilityNature.Duty => "因公",
        DisabilityNature.Illness => "因病",
        null => "",
    };

    /// <summary>因病 disability is pensioned for grades 1–6 only; 因战/因公 for 1–10 (POLICY §7).</summary>
    public static int MaxGrade(DisabilityNature nature) => nature == DisabilityNature.Illness ? 6 : 10;

    /// <summary>"残疾军人（一级，因战）" — the category as lists and explanations show it.</summary>
    public static string Label(string code, int? grade, DisabilityNature? nature) =>
        grade is { } g && nature is { } n ? $"{Name(code)}（{Grade(g)}，{NatureName(n)}）" : Name(code);

    public static string Grade(int grade) => grade is >= 1 and <= 10 ? "一二三四五六七八九十"[grade - 1] + "级" : $"{grade}级";
}
