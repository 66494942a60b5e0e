using System.Globalization;
using Minzheng.Modules.SocialAssistance.Standards;

namespace Minzheng.Modules.SocialAssistance.Benefits;

/// <summary>One step of a calculation: what was done, the formula with its numbers, the result and the rule it follows.</summary>
public sealed record CalculationStep(string Description, string Formula, decimal Value, string Policy);

public sealed record SupplementLine(string Name, string Category, decimal Amount);

/// <summary>The facts about a member a calculation may use (from the registry as of the calculation).</summary>
public sealed record BenefitMember(Guid PersonId, string Name, DateOnly BirthDate, decimal MonthlyIncome, int? DisabilityGrade,
    Minzheng.Platform.People.SelfCare SelfCare, bool SeriousIllness);

/// <summary>The explainable result of DESIGN §5; money values are reported to 2 decimals.</summary>
public sealed record BenefitResult(decimal Standard, decimal HouseholdIncome, decimal PerCapitaIncome, int CoveredPersons, decimal BaseAmount,
    IReadOnlyList<SupplementLine> Supplements, decimal Total, IReadOnlyList<CalculationStep> Steps, Guid StandardId, DateOnly StandardEffectiveFrom);

public static class PolicyCitations
{
    public const string DibaoStandard = "社会救助暂行办法（国务院令第649号）第9条；民发〔2021〕57号";
    public const string DibaoIncome = "民发〔2021〕57号 家庭收入认定：共同生活家庭成员的收入之和";
    public const string DibaoTopUp = "社会救助暂行办法第12条：按家庭人均收入低于当地低保标准的差额发放";
    public const string DibaoSupplement = "民发〔2021〕57号 分类施保：对老年人、未成年人、重度残疾人、重病患者等适当增发（每人取最高一项）";
    public const string Destitute = "民发〔2021〕43号；国发〔2016〕14号：基本生活标准 + 按自理能力分档的照料护理标准";
    public const string Disability = "国发〔2015〕52号：困难残疾人生活补贴、重度残疾人护理补贴";
    public const string Orphan = "国办发〔2010〕54号：孤儿基本生活费";
    public const string UnattendedChild = "民发〔2019〕62号：事实无人抚养儿童基本生活补贴";
    public const string Elderly = "地方高龄津贴、失能老人护理补贴办法（按地方标准）";
    public const string Temporary = "国发〔2014〕47号；社会救助暂行办法第47—49条：临时救助标准与上限（地方规定）";
    public const string Medical = "国办发〔2021〕42号：医疗救助按类别确定救助比例，设年度救助限额";

    /// <summary>The national rule followed by the local document that set the number, when the standard names one.</summary>
    public static string With(string rule, Standard standard) => standard.Citation is { Length: > 0 } local ? $"{rule}；{local}" : rule;
}

public static class Money
{
    public static decimal Report(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Text(decimal value) => Report(value).ToString("0.00", CultureInfo.InvariantCulture);

    public static string RoundingName(Rounding rounding) => rounding switch { Rounding.Fen => "分", Rounding.Jiao => "角", Rounding.Yuan => "元" };

    /// <summary>Completed years of age on the day (a birthday on the day counts).</summary>
    public static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);
}

/// <summary>
/// What a decision on a monthly programme stores (<c>CalculationJson</c> of the case and enrolment): the month, the
/// members as the calculation saw them and its result. Written by the decision, read back by 提标重算 to calculate again.
/// </summary>
public sealed record CalculationSnapshot(DateOnly Month, IReadOnlyList<BenefitMember> Members, BenefitResult Result)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    /// <summary>The snapshot, or null when the text holds another shape (a one-off decision's) or none.</summary>
    public static CalculationSnapshot? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<CalculationSnapshot>(json, Json) is { Members: not null, Result: not null } snapshot ? snapshot : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
