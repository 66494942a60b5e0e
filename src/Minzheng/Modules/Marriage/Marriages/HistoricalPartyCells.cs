using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// One party's cells of a 补录 row. The required columns hold the name and the document number (the column is called
/// 身份证号, as in files made before other documents were accepted); the optional columns, after the required ones, say
/// which document it is and, for a passport or a 通行证, the gender, birth date and nationality the number cannot tell.
/// </summary>
internal static class HistoricalPartyCells
{
    public static readonly string[] OptionalHeaders = ["一方证件类型", "一方性别", "一方出生日期", "一方国籍", "另一方证件类型", "另一方性别", "另一方出生日期", "另一方国籍"];

    private const int FirstOptional = 8;

    private static readonly Dictionary<string, MarriageIdType> TypeNames = new(StringComparer.Ordinal)
    {
        [""] = MarriageIdType.Resident,
        ["居民身份证"] = MarriageIdType.Resident,
        ["身份证"] = MarriageIdType.Resident,
        ["护照"] = MarriageIdType.Passport,
        ["港澳居民来往内地通行证"] = MarriageIdType.HkMacaoPermit,
        ["港澳通行证"] = MarriageIdType.HkMacaoPermit,
        ["台湾居民来往大陆通行证"] = MarriageIdType.TaiwanPermit,
        ["台胞证"] = MarriageIdType.TaiwanPermit,
    };

    /// <summary>Party 0 (一方) or 1 (另一方) of the row, or null after naming each bad cell through <paramref name="fail"/>.</summary>
    public static ValidParty? Read(Func<int, string> cell, int party, string[] headers, DateOnly today, Action<string, string> fail)
    {
        var (nameAt, numberAt, optionalAt) = party == 0 ? (3, 4, FirstOptional) : (5, 6, FirstOptional + 4);
        string Header(int at) => at < FirstOptional ? headers[at] : OptionalHeaders[at - FirstOptional];
        var name = cell(nameAt);
        if (name.Length is 0 or > MarriageRecord.NameMaxLength)
        {
            fail(Header(nameAt), name.Length == 0 ? "请填写姓名" : $"不能超过{MarriageRecord.NameMaxLength}个字");
        }

        if (!TypeNames.TryGetValue(cell(optionalAt), out var type))
        {
            fail(Header(optionalAt), "应为居民身份证、护照、港澳居民来往内地通行证或台湾居民来往大陆通行证（留空为居民身份证）");
            return null;
        }

        var identity = type == MarriageIdType.Resident ? Resident(cell, numberAt, optionalAt, Header, today, fail) : Other(cell, type, numberAt, optionalAt, Header, today, fail);
        return identity is not null && name.Length is > 0 and <= MarriageRecord.NameMaxLength ? new ValidParty(name, identity) : null;
    }

    /// <summary>The number tells gender and birth date; cells that say otherwise are an error, not silently dropped.</summary>
    private static PartyIdentity? Resident(Func<int, string> cell, int numberAt, int optionalAt, Func<int, string> header, DateOnly today, Action<string, string> fail)
    {
        if (!SpreadsheetIdNumber.TryParse(cell(numberAt), today, out var id, out var error))
        {
            fail(header(numberAt), error);
            return null;
        }

        var ok = true;
        if (cell(optionalAt + 1) is { Length: > 0 } gender && Gender(gender) != id.Gender)
        {
            ok = false;
            fail(header(optionalAt + 1), Gender(gender) is null ? "应为男或女（持居民身份证的可以不填）" : "与身份证号推算的性别不一致（持居民身份证的可以不填）");
        }

        if (cell(optionalAt + 2) is { Length: > 0 } birth && (!InputValues.TryParseDate(birth, out var day) || day != id.BirthDate))
        {
            ok = false;
            fail(header(optionalAt + 2), "与身份证号推算的出生日期不一致（持居民身份证的可以不填）");
        }

        return ok ? PartyIdentity.Resident(id) : null;
    }

    private static PartyIdentity? Other(Func<int, string> cell, MarriageIdType type, int numberAt, int optionalAt, Func<int, string> header, DateOnly today,
        Action<string, string> fail)
    {
        var number = MarriageIdTypes.Normalize(type, cell(numberAt), out var error);
        if (error is not null)
        {
            fail(header(numberAt), $"{MarriageIdTypes.Name(type)}号码{(error == "未填写" ? "未填写" : "无效：" + error)}");
        }

        var gender = Gender(cell(optionalAt + 1));
        if (gender is null)
        {
            fail(header(optionalAt + 1), cell(optionalAt + 1).Length == 0 ? $"持{MarriageIdTypes.Name(type)}的须填写性别：男或女" : "应为男或女");
        }

        DateOnly? birth = InputValues.TryParseDate(cell(optionalAt + 2), out var day) && InputValues.IsSaneDate(day) && day <= today ? day : null;
        if (birth is null)
        {
            fail(header(optionalAt + 2), $"持{MarriageIdTypes.Name(type)}的须填写出生日期，如 1990-02-03，不能晚于今天");
        }

        // 通行证 holders are Chinese citizens of Hong Kong, Macao or Taiwan; only a passport needs its country.
        string? wrong = null;
        var nationality = type == MarriageIdType.Passport ? Nationalities.Normalize(cell(optionalAt + 3), out wrong) : Nationalities.China;
        if (nationality is null)
        {
            fail(header(optionalAt + 3), wrong == "未填写" ? "持护照的须填写国籍（3位字母的国家代码，如 VNM；华侨填 CHN）" : wrong!);
            return null;
        }

        return number is null || gender is null || birth is null ? null : new PartyIdentity(type, number, gender.Value, birth.Value, nationality);
    }

    private static Gender? Gender(string text) => text switch
    {
        "男" => Platform.Privacy.Gender.Male,
        "女" => Platform.Privacy.Gender.Female,
        _ => null,
    };
}
