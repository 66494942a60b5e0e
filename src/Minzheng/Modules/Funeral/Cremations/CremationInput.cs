using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>
/// <c>POST /api/v1/funeral/cremations</c>: the five fields of DESIGN §5, then what the funeral home records besides
/// (all optional): residence region, cause, certificate, family contact, 户籍, the deceased's status and the waiver asked for.
/// </summary>
public sealed record CremationRequest(string? Name, string? IdNumber, string? DeathDate, string? CremationDate, string? FuneralHome,
    string? RegionCode = null, string? DeathCause = null, string? DeathCertificateNumber = null, string? FamilyContactName = null,
    string? FamilyContactPhone = null, string? HukouType = null, string? ResidentStatus = null, List<string>? WaiverItems = null, int? StorageDays = null);

public sealed record CreatedCremation(Guid Id);

/// <summary>A request as validated (before the checks that read the database).</summary>
public sealed record ValidCremation(string Name, IdNumber Id, DateOnly DeathDate, DateOnly CremationDate, string FuneralHome, string? RegionCode,
    DeathCause? Cause, string? Certificate, string? ContactName, string? ContactPhone, bool Agricultural, string? DeclaredStatus,
    IReadOnlyList<string> WaiverItems, int StorageDays);

/// <summary>Reads a cremation request; every message names its field in Chinese. Nothing here reads the database.</summary>
public static class CremationInput
{
    public static ValidCremation? Validate(CremationRequest r, DateOnly today, FieldErrors errors)
    {
        var name = TextRules.Field(r.Name, "name", "逝者姓名", Cremation.NameMaxLength, errors, required: true);
        IdNumber? id = null;
        if (string.IsNullOrWhiteSpace(r.IdNumber))
        {
            errors.Add("idNumber", "请填写逝者身份证号（idNumber）");
        }
        else if (!IdNumber.TryParse(r.IdNumber, today, out var parsed, out var error))
        {
            errors.Add("idNumber", $"逝者身份证号（idNumber）无效：{error}");
        }
        else
        {
            id = parsed;
        }

        var died = Date(r.DeathDate, "deathDate", "死亡日期", today, errors);
        var cremated = Date(r.CremationDate, "cremationDate", "火化日期", today, errors);
        if (died is { } d && id is { } born && d < born.BirthDate)
        {
            errors.Add("deathDate", $"死亡日期（deathDate）不能早于出生日期 {born.BirthDate:yyyy-MM-dd}（依身份证号）");
        }

        if (died is { } d2 && cremated is { } c && c < d2)
        {
            errors.Add("cremationDate", "火化日期（cremationDate）不能早于死亡日期（deathDate）");
        }

        var home = TextRules.Field(r.FuneralHome, "funeralHome", "殡仪馆", Cremation.FuneralHomeMaxLength, errors, required: true);
        var region = TextRules.Field(r.RegionCode, "regionCode", "逝者户籍所在区划", 12, errors);
        if (region is not null && !Platform.Regions.RegionCode.IsValid(region))
        {
            errors.Add("regionCode", "逝者户籍所在区划（regionCode）应为12位统计用区划代码");
        }

        var cause = InputValues.ParseOptional<DeathCause>(r.DeathCause, "deathCause", "死亡原因类别（deathCause）应为 natural（正常死亡）、accident（非正常死亡）或 other（其他）", errors);
        var certificate = TextRules.Field(r.DeathCertificateNumber, "deathCertificateNumber", "死亡证明编号", Cremation.CertificateMaxLength, errors);
        var contact = TextRules.Field(r.FamilyContactName, "familyContactName", "家属联系人", Cremation.NameMaxLength, errors);
        var phone = TextRules.Field(r.FamilyContactPhone, "familyContactPhone", "家属联系电话", Cremation.PhoneMaxLength, errors);
        if (phone is not null && !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' '))
        {
            errors.Add("familyContactPhone", "家属联系电话（familyContactPhone）只能包含数字、空格、+ 和 -");
        }

        var hukou = r.HukouType?.Trim();
        if (!string.IsNullOrEmpty(hukou) && hukou is not ("urban" or "rural"))
        {
            errors.Add("hukouType", "户籍类别（hukouType）应为 urban（城镇）或 rural（农村）");
        }

        var status = r.ResidentStatus?.Trim();
        if (!string.IsNullOrEmpty(status) && FeeWaiverRules.Statuses.All(s => s.Code != status))
        {
            errors.Add("residentStatus", $"逝者身份（residentStatus）应为 {string.Join("、", FeeWaiverRules.Statuses.Select(s => $"{s.Code}（{s.Name}）"))} 之一");
        }

        var items = WaiverItems(r.WaiverItems, errors);
        var days = r.StorageDays ?? 0;
        if (items.Contains(FeeWaiverRules.Storage) && r.StorageDays is not (>= 1 and <= 365))
        {
            errors.Add("storageDays", "减免遗体暂存时须填写暂存天数（storageDays，1至365天；3天以内免费）");
        }

        return errors.Any ? null : new ValidCremation(name!, id!.Value, died!.Value, cremated!.Value, home!, region, cause, certificate, contact, phone,
            hukou == "rural", string.IsNullOrEmpty(status) ? null : status, items, days);
    }

    /// <summary>The waived items asked for: only the four basic services, each once.</summary>
    private static List<string> WaiverItems(List<string>? items, FieldErrors errors)
    {
        var valid = new List<string>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var code = items![i]?.Trim() ?? "";
            if (FeeWaiverRules.Items.All(x => x.Code != code))
            {
                errors.Add($"waiverItems[{i}]", $"“{Platform.Web.TextRules.Clean(code.Length > 30 ? code[..30] : code)}”不是基本殡葬服务，不能减免；可减免项目为 "
                    + string.Join("、", FeeWaiverRules.Items.Select(x => $"{x.Code}（{x.Name}）")));
            }
            else if (valid.Contains(code))
            {
                errors.Add($"waiverItems[{i}]", $"减免项目“{FeeWaiverRules.ItemName(code)}”重复");
            }
            else
            {
                valid.Add(code);
            }
        }

        return valid;
    }

    /// <summary>A date of the record: required, a real date, never after today (records may be entered later).</summary>
    private static DateOnly? Date(string? value, string field, string label, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"请填写{label}（{field}，格式 YYYY-MM-DD）");
            return null;
        }

        if (!InputValues.TryParseDate(value, out var date))
        {
            errors.Add(field, $"{label}（{field}）应为 {InputValues.FirstDate:yyyy} 至 {InputValues.LastDate:yyyy} 年间的有效日期 YYYY-MM-DD");
            return null;
        }

        if (date > today)
        {
            errors.Add(field, $"{label}（{field}）不能晚于今天");
            return null;
        }

        return date;
    }
}
