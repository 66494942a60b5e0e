namespace Minzheng.Modules.SocialAssistance.Programs;

/// <summary>An assistance programme. <see cref="Code"/> strings are public API (DESIGN §4).</summary>
public sealed record AssistanceProgram(string Code, string Name, bool PaidQuarterly);

public static class AssistancePrograms
{
    public static IReadOnlyList<AssistanceProgram> All { get; } =
    [
        new("urban-dibao", "城市低保", false),
        new("rural-dibao", "农村低保", false),
        new("destitute-concentrated", "特困集中供养", true),
        new("destitute-dispersed", "特困分散供养", true),
        new("temporary", "临时救助", false),
        new("medical", "医疗救助", false),
        new("disability-living", "困难残疾人生活补贴", false),
        new("disability-care", "重度残疾人护理补贴", false),
        new("orphan", "孤儿", false),
        new("unattended-child", "事实无人抚养儿童", false),
        new("elderly-allowance", "高龄/失能补贴", false),
    ];

    public static AssistanceProgram? ByCode(string? code) => All.FirstOrDefault(p => p.Code == code);

    /// <summary>
    /// 一次性生活补贴: batch subsidies (节日、价格临时补贴、冬春救助 …) granted to current beneficiaries by a list, not by a
    /// case; paid by its own payrolls. Not a programme one applies for, so it is not in <see cref="All"/>.
    /// </summary>
    public static AssistanceProgram OneOffSubsidy { get; } = new("one-off-subsidy", "一次性生活补贴", false);

    /// <summary>
    /// 优抚 benefits another line (veterans' care) enrols through <see cref="Contracts.IBenefitEnrolments"/>: paid by the same
    /// payrolls, bank files and back-pay as assistance, but nobody applies for them here, so they are not in <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<AssistanceProgram> Contracted { get; } =
    [
        new(Contracts.BenefitPrograms.VeteransPension, "优抚对象抚恤金", false),
        new(Contracts.BenefitPrograms.VeteransAllowance, "优抚对象定期生活补助", false),
        new(Contracts.BenefitPrograms.VeteransFuneralAid, "优抚对象丧葬补助", false),
    ];

    /// <summary>What payrolls pay: every programme, the batch subsidies and the contracted benefits.</summary>
    public static IReadOnlyList<AssistanceProgram> Payable { get; } = [.. All, OneOffSubsidy, .. Contracted];

    public static AssistanceProgram? PayableByCode(string? code) => Payable.FirstOrDefault(p => p.Code == code);

    /// <summary>
    /// The Chinese name of anything a payroll or enrolment may carry (a contracted 优抚 benefit too), so no page shows a
    /// programme's code; the code itself only for a value no version of the catalogue knows.
    /// </summary>
    public static string NameOf(string code) => PayableByCode(code)?.Name ?? code;

    /// <summary>Programmes whose payrolls pay one-off amounts (the decision month's) instead of monthly enrolments.</summary>
    public static bool PaidOnce(string? code) => IsOneOff(code) || code == OneOffSubsidy.Code || code == Contracts.BenefitPrograms.VeteransFuneralAid;

    /// <summary>
    /// Programmes granted to a household (one enrolment per 户, covering some of its members); the others are granted to
    /// a person, so several members of one household may each have an enrolment.
    /// </summary>
    public static IReadOnlyList<string> HouseholdBased { get; } = ["urban-dibao", "rural-dibao"];

    /// <summary>临时救助 and 医疗救助 are one-off amounts decided on a case; the others are monthly enrolments.</summary>
    public static bool IsOneOff(string? code) => code is "temporary" or "medical";

    /// <summary>By the Chinese name used in rosters; a few common alternative spellings are accepted too.</summary>
    public static AssistanceProgram? ByName(string? name)
    {
        var n = name?.Trim().Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal);
        return n switch
        {
            null or "" => null,
            "城镇低保" or "城市最低生活保障" => ByCode("urban-dibao"),
            "农村最低生活保障" => ByCode("rural-dibao"),
            "高龄补贴" or "失能补贴" => ByCode("elderly-allowance"),
            _ => All.FirstOrDefault(p => p.Name == n),
        };
    }
}
