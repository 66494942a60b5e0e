using System.Text.RegularExpressions;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// The document a party is identified by (婚姻登记条例 arts. 5 and 19). 居民身份证 also covers the 港澳台居民居住证, which
/// carry 18-character GB 11643 numbers; the other three are the documents of foreigners, 华侨 and 港澳台 residents.
/// </summary>
public enum MarriageIdType
{
    Resident,
    Passport,
    HkMacaoPermit,
    TaiwanPermit,
}

/// <summary>
/// A party's validated identity: the document, its normalised number, and gender and birth date (derived from a resident
/// ID number, entered by the registrar for the other documents). Two identities are the same person when type and number
/// match, which is what the blind index of <see cref="IndexInput"/> keys on.
/// </summary>
public sealed record PartyIdentity(MarriageIdType Type, string Value, Gender Gender, DateOnly BirthDate, string? Nationality)
{
    public static PartyIdentity Resident(IdNumber id) => new(MarriageIdType.Resident, id.Value, id.Gender, id.BirthDate, null);

    /// <summary>The document alone: what a look-up, withdrawal or reissue finds the person by.</summary>
    public PartyDocument Document => new(Type, Value);

    public string Masked => Document.Masked;

    public string IndexInput => Document.IndexInput;
}

/// <summary>The document types' API codes, Chinese names, number formats and masks.</summary>
public static partial class MarriageIdTypes
{
    public const int PassportMinLength = 5;
    public const int PassportMaxLength = 15;

    /// <summary>API code → type; the codes are those of DESIGN §5 ("resident" when absent).</summary>
    public static IReadOnlyDictionary<string, MarriageIdType> Codes { get; } = new Dictionary<string, MarriageIdType>(StringComparer.Ordinal)
    {
        ["resident"] = MarriageIdType.Resident,
        ["passport"] = MarriageIdType.Passport,
        ["hkMacaoPermit"] = MarriageIdType.HkMacaoPermit,
        ["taiwanPermit"] = MarriageIdType.TaiwanPermit,
    };

    public static string Code(MarriageIdType type) => Codes.First(c => c.Value == type).Key;

    public static string Name(MarriageIdType type) => type switch
    {
        MarriageIdType.Resident => "居民身份证",
        MarriageIdType.Passport => "护照",
        MarriageIdType.HkMacaoPermit => "港澳居民来往内地通行证",
        MarriageIdType.TaiwanPermit => "台湾居民来往大陆通行证",
    };

    /// <summary>What the number is called in a message ("身份证号", "护照号码", …).</summary>
    public static string NumberName(MarriageIdType type) => type == MarriageIdType.Resident ? "身份证号" : Name(type) + "号码";

    public static string IndexInput(MarriageIdType type, string value) => type == MarriageIdType.Resident ? value : Code(type) + ":" + value;

    /// <summary>
    /// Masked like an ID number is (POLICY §11): a resident number keeps its first 6 and last 4; the shorter documents keep
    /// their first and last three characters, which is what a registrar compares with the document in hand.
    /// </summary>
    public static string Mask(MarriageIdType type, string value) => type == MarriageIdType.Resident || value.Length < 5
        ? Platform.Privacy.Mask.IdNumber(value)
        : string.Concat(value.AsSpan(0, 1), new string('*', value.Length - 4), value.AsSpan(value.Length - 3));

    /// <summary>
    /// Checks a non-resident document number, upper-cased and trimmed; null and the reason in Chinese when it does not have
    /// the document's format. 护照: 5–15 letters or digits (lengths vary by issuing country); 港澳通行证: H or M and 8 or 10
    /// digits; 台胞证: 8 digits.
    /// </summary>
    public static string? Normalize(MarriageIdType type, string? input, out string? error)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        error = value.Length == 0 ? "未填写"
            : type switch
            {
                MarriageIdType.Passport when !LettersAndDigits().IsMatch(value) => "只能包含字母和数字",
                MarriageIdType.Passport when value.Length is < PassportMinLength or > PassportMaxLength => $"应为{PassportMinLength}至{PassportMaxLength}位字母或数字",
                MarriageIdType.HkMacaoPermit when !HkMacaoPermit().IsMatch(value) => "应为字母H或M加8位或10位数字",
                MarriageIdType.TaiwanPermit when !TaiwanPermit().IsMatch(value) => "应为8位数字",
                _ => null,
            };
        return error is null ? value : null;
    }

    [GeneratedRegex("^[A-Z0-9]+$")]
    private static partial Regex LettersAndDigits();

    [GeneratedRegex("^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HkMacaoPermit();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex TaiwanPermit();
}
