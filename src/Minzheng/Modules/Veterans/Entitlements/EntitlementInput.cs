using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary><c>POST /api/v1/veterans/entitlements</c>: the person, the category (grade and nature for disabled veterans), the service record and the evidence.</summary>
public sealed record EntitlementRequest(string? Name, string? IdNumber, string? RegionCode, string? Category, int? DisabilityGrade = null,
    string? DisabilityNature = null, string? EnlistedOn = null, string? DischargedOn = null, string? Unit = null, int? FirstClassMerits = null,
    int? SecondClassMerits = null, int? ThirdClassMerits = null, string? CertificateNumber = null, string? StartMonth = null, bool? Rural = null,
    string? BankName = null, string? BankAccount = null);

public sealed record CreatedEntitlement(Guid Id, Guid? EnrollmentId, decimal MonthlyAmount);

/// <summary>A request as validated (before the checks that read the database).</summary>
public sealed record ValidEntitlement(string Name, IdNumber Id, string RegionCode, VeteranCategory Category, int? Grade, DisabilityNature? Nature,
    DateOnly? EnlistedOn, DateOnly? DischargedOn, string? Unit, int First, int Second, int Third, string? Certificate, DateOnly StartMonth, bool Rural,
    string? BankName, string? BankAccount);

/// <summary>Reads a registration; every message names its field in Chinese. Nothing here reads the database.</summary>
public static class EntitlementInput
{
    public static ValidEntitlement? Validate(EntitlementRequest r, DateOnly today, FieldErrors errors)
    {
        var name = TextRules.Field(r.Name, "name", "姓名", VeteranEntitlement.NameMaxLength, errors, required: true);
        var id = IdNumberInput.Required(r.IdNumber, today, errors);

        var region = r.RegionCode?.Trim();
        if (region is null || !Platform.Regions.RegionCode.IsValid(region))
        {
            errors.Add("regionCode", "所在区划（regionCode）应为12位统计用区划代码");
        }

        var category = VeteranCategories.ByCode(r.Category?.Trim());
        if (category is null)
        {
            errors.Add("category", $"请选择优抚类别（category）：{string.Join("、", VeteranCategories.All.Select(c => c.Name))}");
        }

        var nature = InputValues.ParseOptional<DisabilityNature>(r.DisabilityNature, "disabilityNature", "残疾性质（disabilityNature）应为 war（因战）、duty（因公）或 illness（因病）", errors);
        if (category is { Disabled: true })
        {
            if (r.DisabilityGrade is not (>= 1 and <= 10))
            {
                errors.Add("disabilityGrade", "残疾等级（disabilityGrade）应为1至10级");
            }
            else if (nature is { } n && r.DisabilityGrade > VeteranCategories.MaxGrade(n))
            {
                errors.Add("disabilityGrade", $"因病致残的残疾军人只评定一级至六级（disabilityGrade），不能为{VeteranCategories.Grade(r.DisabilityGrade.Value)}");
            }

            if (nature is null && string.IsNullOrWhiteSpace(r.DisabilityNature))
            {
                errors.Add("disabilityNature", "残疾军人须填写残疾性质（disabilityNature）：war（因战）、duty（因公）或 illness（因病）");
            }
        }
        else if (category is not null && (r.DisabilityGrade is not null || !string.IsNullOrWhiteSpace(r.DisabilityNature)))
        {
            errors.Add("disabilityGrade", $"只有残疾军人填写残疾等级和性质（disabilityGrade），“{category.Name}”不填");
        }

        var enlisted = Date(r.EnlistedOn, "enlistedOn", "入伍日期", today, errors);
        var discharged = Date(r.DischargedOn, "dischargedOn", "退伍日期", today, errors);
        if (enlisted is { } e && discharged is { } d && d < e)
        {
            errors.Add("dischargedOn", "退伍日期（dischargedOn）不能早于入伍日期（enlistedOn）");
        }

        if (enlisted is { } e2 && id is { } person && e2 < person.BirthDate)
        {
            errors.Add("enlistedOn", $"入伍日期（enlistedOn）不能早于出生日期 {person.BirthDate:yyyy-MM-dd}");
        }

        var unit = TextRules.Field(r.Unit, "unit", "服役部队", VeteranEntitlement.UnitMaxLength, errors);
        var certificate = TextRules.Field(r.CertificateNumber, "certificateNumber", "证件编号", VeteranEntitlement.CertificateMaxLength, errors);
        foreach (var (value, field, label) in new[] { (r.FirstClassMerits, "firstClassMerits", "一等功"), (r.SecondClassMerits, "secondClassMerits", "二等功"), (r.ThirdClassMerits, "thirdClassMerits", "三等功") })
        {
            if (value is < 0 or > 20)
            {
                errors.Add(field, $"{label}次数（{field}）应为0至20");
            }
        }

        var start = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrWhiteSpace(r.StartMonth) && !InputValues.TryParseMonth(r.StartMonth, out start))
        {
            errors.Add("startMonth", "享受起始月份（startMonth）应为 YYYY-MM");
        }
        else if (start > new DateOnly(today.Year, today.Month, 1).AddMonths(1))
        {
            errors.Add("startMonth", "享受起始月份（startMonth）不能晚于下月");
        }

        var bank = TextRules.Field(r.BankName, "bankName", "开户银行", 50, errors);
        var account = TextRules.Field(r.BankAccount, "bankAccount", "银行账号", 32, errors);
        if (account is not null && !account.All(char.IsAsciiDigit))
        {
            errors.Add("bankAccount", "银行账号（bankAccount）只能是数字");
        }

        return errors.Any ? null : new ValidEntitlement(name!, id!.Value, region!, category!, r.DisabilityGrade, nature, enlisted, discharged, unit,
            r.FirstClassMerits ?? 0, r.SecondClassMerits ?? 0, r.ThirdClassMerits ?? 0, certificate, start, r.Rural ?? false, bank, account);
    }

    /// <summary>An optional date of the record: a real date, never after today.</summary>
    public static DateOnly? Date(string? value, string field, string label, DateOnly today, FieldErrors errors) =>
        InputValues.PastDate(value, field, label, today, required: false, errors);
}
